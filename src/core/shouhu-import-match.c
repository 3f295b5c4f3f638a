/* shouhu-import-match.c — Annex 2 import: what the write will do
 *
 * A row is a stored record of its district with the same 姓名 and
 * 本人联系电话; it then updates that record instead of adding a second
 * one.  A row that is none may still probably be one: the same
 * 本人联系电话 under another name (a corrected name), or the same 姓名
 * with the same 家庭地址 or 医院 and another phone (a changed phone).
 * Then someone decides: update that record, or add a new one.  Stored
 * records of the file's districts that no row is are listed as missing
 * from the file; they stay unless the user asks to remove them.
 *
 * The stored records are read once into indexes (by 姓名 and phone, by
 * phone, by 姓名), so that a file of 100,000 rows is matched without a
 * query per row.  The preview says, field by field, what the write will
 * change; the write (shouhu-import-write.c) runs it again inside its
 * transaction and refuses to write anything else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-annex2-private.h"
#include "shouhu-pairing.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
/* PRId64 in translated strings: xgettext knows it, not G_GINT64_FORMAT */
#include <inttypes.h>
#include <string.h>

void
shouhu_import_change_free (gpointer data)
{
  ShouhuAnnex2ImportChange *c = data;

  g_free (c->changes);
  g_clear_pointer (&c->fields, g_ptr_array_unref);
  g_free (c->probable_reason);
  g_free (c);
}

void
shouhu_import_missing_free (gpointer data)
{
  ShouhuAnnex2ImportMissing *m = data;

  g_free (m->name);
  g_free (m->hospital);
  g_free (m->phone);
  g_free (m);
}

static void
field_change_free (gpointer data)
{
  ShouhuImportFieldChange *c = data;

  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c);
}

/* A stored record, as matching needs it; the chains link records with
 * the same key. */
typedef struct _Stored Stored;
struct _Stored
{
  gint64    id;
  int       district_id;
  char     *name;
  char     *phone;
  char     *hospital;
  char     *home_address;
  gboolean  claimed;      /* a row of the file is this record */
  Stored   *same_key;     /* same 姓名 and phone */
  Stored   *same_phone;   /* same district and phone */
  Stored   *same_name;    /* same district and 姓名 */
};

typedef struct
{
  GPtrArray  *all;        /* Stored, by id */
  GHashTable *by_key;     /* Stored → first Stored of its 姓名 and phone */
  GHashTable *by_phone;   /* district and phone */
  GHashTable *by_name;    /* district and 姓名 */
} StoredIndex;

static void
stored_free (gpointer data)
{
  Stored *s = data;

  g_free (s->name);
  g_free (s->phone);
  g_free (s->hospital);
  g_free (s->home_address);
  g_free (s);
}

static guint
key_hash (gconstpointer p)
{
  const Stored *s = p;

  return g_str_hash (s->name) * 31 + g_str_hash (s->phone);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Stored *x = a, *y = b;

  return strcmp (x->name, y->name) == 0 && strcmp (x->phone, y->phone) == 0;
}

static guint
phone_hash (gconstpointer p)
{
  const Stored *s = p;

  return g_str_hash (s->phone) * 61 + (guint) s->district_id;
}

static gboolean
phone_equal (gconstpointer a,
             gconstpointer b)
{
  const Stored *x = a, *y = b;

  return x->district_id == y->district_id && strcmp (x->phone, y->phone) == 0;
}

static guint
name_hash (gconstpointer p)
{
  const Stored *s = p;

  return g_str_hash (s->name) * 61 + (guint) s->district_id;
}

static gboolean
name_equal (gconstpointer a,
            gconstpointer b)
{
  const Stored *x = a, *y = b;

  return x->district_id == y->district_id && strcmp (x->name, y->name) == 0;
}

static void
stored_index_clear (StoredIndex *index)
{
  g_clear_pointer (&index->by_key, g_hash_table_unref);
  g_clear_pointer (&index->by_phone, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->all, g_ptr_array_unref);
}

/* Links @s at the end of its chain in @table (chains keep id order). */
static void
chain (GHashTable  *table,
       Stored      *s,
       gsize        link_offset)
{
  Stored *first = g_hash_table_lookup (table, s);
  Stored **next;

  if (first == NULL)
    {
      g_hash_table_insert (table, s, s);
      return;
    }
  for (next = G_STRUCT_MEMBER_P (first, link_offset); *next != NULL; next = G_STRUCT_MEMBER_P (*next, link_offset))
    ;
  *next = s;
}

/* Every stored worker, in one pass: a file may hold any district, and a
 * person in another district's form is still that person. */
static gboolean
stored_index_load (StoredIndex  *index,
                   ShouhuStore  *store,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  index->all = g_ptr_array_new_with_free_func (stored_free);
  index->by_key = g_hash_table_new (key_hash, key_equal);
  index->by_phone = g_hash_table_new (phone_hash, phone_equal);
  index->by_name = g_hash_table_new (name_hash, name_equal);
  stmt = shouhu_store_prepare (store, "SELECT id, district_id, name, phone, hospital, home_address FROM worker "
                                      "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Stored *s = g_new0 (Stored, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->district_id = sqlite3_column_int (stmt, 1);
      s->name = shouhu_annex2_column_dup (stmt, 2);
      s->phone = shouhu_annex2_column_dup (stmt, 3);
      s->hospital = shouhu_annex2_column_dup (stmt, 4);
      s->home_address = shouhu_annex2_column_dup (stmt, 5);
      g_ptr_array_add (index->all, s);
      chain (index->by_key, s, G_STRUCT_OFFSET (Stored, same_key));
      if (*s->phone != '\0')
        chain (index->by_phone, s, G_STRUCT_OFFSET (Stored, same_phone));
      chain (index->by_name, s, G_STRUCT_OFFSET (Stored, same_name));
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The statements the preview runs per matched record, prepared once. */
typedef struct
{
  ShouhuStore  *store;
  StoredIndex   index;
  sqlite3_stmt *get_worker;
  sqlite3_stmt *get_volunteers;
  GHashTable   *seen;          /* the rows before, by 姓名 and phone */
} Preview;

static void
preview_clear (Preview *p)
{
  stored_index_clear (&p->index);
  g_clear_pointer (&p->get_worker, sqlite3_finalize);
  g_clear_pointer (&p->get_volunteers, sqlite3_finalize);
  g_clear_pointer (&p->seen, g_hash_table_unref);
}

static guint
row_hash (gconstpointer p)
{
  const ShouhuWorker *w = ((const ShouhuAnnex2ImportRow *) p)->worker;

  return g_str_hash (w->name) * 31 + g_str_hash (w->phone);
}

static gboolean
row_equal (gconstpointer a,
           gconstpointer b)
{
  const ShouhuWorker *x = ((const ShouhuAnnex2ImportRow *) a)->worker;
  const ShouhuWorker *y = ((const ShouhuAnnex2ImportRow *) b)->worker;

  return strcmp (x->name, y->name) == 0 && strcmp (x->phone, y->phone) == 0;
}

static gboolean
preview_init (Preview      *p,
              ShouhuStore  *store,
              GError      **error)
{
  g_autofree char *columns = shouhu_annex2_form_sql_columns ("", "", TRUE);
  g_autofree char *sql = g_strdup_printf ("SELECT id, district_id, %s, created, changed, needs FROM worker "
                                          "WHERE id = ?", columns);

  p->store = store;
  p->seen = g_hash_table_new (row_hash, row_equal);
  return stored_index_load (&p->index, store, error) &&
         (p->get_worker = shouhu_store_prepare (store, sql, error)) != NULL &&
         (p->get_volunteers = shouhu_store_prepare (store, "SELECT v.name, v.phone FROM pairing p "
                                                           "JOIN volunteer v ON v.id = p.volunteer_id "
                                                           "WHERE p.worker_id = ? ORDER BY p.created, v.id",
                                                    error)) != NULL;
}

/* The stored record @id and its volunteers ("姓名\x1f电话" each). */
static ShouhuWorker *
fetch_worker (Preview    *p,
              gint64      id,
              GPtrArray **volunteers,
              GError    **error)
{
  g_autoptr(ShouhuWorker) w = NULL;
  gboolean found;
  int rc;

  sqlite3_reset (p->get_worker);
  sqlite3_bind_int64 (p->get_worker, 1, id);
  if (!shouhu_store_step_row (p->store, p->get_worker, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                   _("The worker record is no longer there: it was deleted"));
      return NULL;
    }
  w = shouhu_annex2_worker_from_row (p->get_worker);
  sqlite3_reset (p->get_worker);

  *volunteers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_reset (p->get_volunteers);
  sqlite3_bind_int64 (p->get_volunteers, 1, id);
  while ((rc = sqlite3_step (p->get_volunteers)) == SQLITE_ROW)
    g_ptr_array_add (*volunteers, g_strdup_printf ("%s\x1f%s", sqlite3_column_text (p->get_volunteers, 0),
                                                   sqlite3_column_text (p->get_volunteers, 1)));
  sqlite3_reset (p->get_volunteers);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (volunteers, g_ptr_array_unref);
      shouhu_store_set_error (p->store, error);
      return NULL;
    }
  g_ptr_array_add (*volunteers, NULL);
  return g_steal_pointer (&w);
}

/* Whether the file's volunteers are those paired already: a volunteer
 * written without a phone matches one of that name. */
static gboolean
same_volunteers (GStrv stored,
                 GStrv wanted)
{
  guint n = g_strv_length (stored);
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);

  if (n != g_strv_length (wanted))
    return FALSE;
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      const char *phone = strchr (wanted[i], '\x1f') + 1;
      gsize name_len = (gsize) (phone - wanted[i]);   /* with the separator */
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        if (!used[j] && strncmp (stored[j], wanted[i], name_len) == 0 &&
            (*phone == '\0' || strcmp (stored[j] + name_len, phone) == 0))
          found = used[j] = TRUE;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Most rows change no field (new ones, unchanged ones): they share one
 * empty list instead of 100,000 of their own. */
static GPtrArray *
no_fields (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return g_ptr_array_ref (empty);
}

static void
add_field_change (ShouhuAnnex2ImportChange *change,
                  ShouhuAnnex2Field         field,
                  const char               *old_value,
                  const char               *new_value)
{
  ShouhuImportFieldChange *c = g_new0 (ShouhuImportFieldChange, 1);

  c->field = field;
  c->old_value = g_strdup (old_value);
  c->new_value = g_strdup (new_value);
  if (change->fields->len == 0)
    {
      g_ptr_array_unref (change->fields);
      change->fields = g_ptr_array_new_with_free_func (field_change_free);
    }
  g_ptr_array_add (change->fields, c);
}

/* Fills @change's fields: what updating record @id with @w changes.  A
 * field whose column the form lacks is no change. */
static gboolean
compare_with_stored (Preview                   *p,
                     const ShouhuWorker        *w,
                     ShouhuAnnex2ImportChange  *change,
                     gint64                     id,
                     GError                   **error)
{
  g_autoptr(GPtrArray) paired = NULL;
  g_autoptr(ShouhuWorker) old = fetch_worker (p, id, &paired, error);
  g_autoptr(GString) labels = g_string_new (NULL);
  guint32 present = change->row->present;

  if (old == NULL)
    return FALSE;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      if (f == SHOUHU_ANNEX2_FIELD_VOLUNTEERS)
        {
          g_auto(GStrv) wanted = change->row->volunteers != NULL && *change->row->volunteers != '\0'
                                 ? g_strsplit (change->row->volunteers, "\x1e", -1)
                                 : change->row->volunteers != NULL ? g_new0 (char *, 1) : NULL;

          if (wanted != NULL && !same_volunteers ((GStrv) paired->pdata, wanted))
            {
              g_autofree char *before = shouhu_import_volunteers_text ((GStrv) paired->pdata);
              g_autofree char *after = shouhu_import_volunteers_text (wanted);

              add_field_change (change, f, before, after);
            }
          continue;
        }
      if (!shouhu_annex2_field_in_record (f) || f == SHOUHU_ANNEX2_FIELD_DISTRICT || !(present & (1u << f)))
        continue;
      if (strcmp (shouhu_worker_get_field (old, f), shouhu_worker_get_field (w, f)) != 0)
        add_field_change (change, f, shouhu_worker_get_field (old, f), shouhu_worker_get_field (w, f));
    }
  /* 需求, read beside the form: unknown when the sheet has no such column. */
  if (w->needs != SHOUHU_WORKER_NEEDS_UNKNOWN && w->needs != old->needs)
    {
      g_autofree char *before = shouhu_family_needs_text ((guint) MAX (old->needs, 0));
      g_autofree char *after = shouhu_family_needs_text ((guint) w->needs);

      add_field_change (change, SHOUHU_ANNEX2_FIELD_NEEDS, before, after);
    }
  for (guint i = 0; i < change->fields->len; i++)
    {
      const ShouhuImportFieldChange *c = g_ptr_array_index (change->fields, i);

      g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "", shouhu_annex2_field_label (c->field));
    }
  g_clear_pointer (&change->changes, g_free);
  if (labels->len > 0)
    change->changes = g_string_free (g_steal_pointer (&labels), FALSE);
  return TRUE;
}

/* The first unclaimed stored record along a chain for which @accept
 * holds. */
static Stored *
first_unclaimed (Stored   *s,
                 gsize     link_offset,
                 gboolean (*accept) (const Stored *, const ShouhuWorker *),
                 const ShouhuWorker *w)
{
  for (; s != NULL; s = G_STRUCT_MEMBER (Stored *, s, link_offset))
    if (!s->claimed && accept (s, w))
      return s;
  return NULL;
}

static gboolean
other_name (const Stored       *s,
            const ShouhuWorker *w)
{
  return strcmp (s->name, w->name) != 0;
}

static gboolean
same_place_other_phone (const Stored       *s,
                        const ShouhuWorker *w)
{
  return strcmp (s->phone, w->phone) != 0 &&
         ((*w->home_address != '\0' && strcmp (s->home_address, w->home_address) == 0) ||
          (*w->hospital != '\0' && strcmp (s->hospital, w->hospital) == 0));
}

/* Likely the same person as a stored record of the district that no
 * row is: the same phone under another name, or the same 姓名 with the
 * same 家庭地址 or 医院 and another phone. */
static Stored *
find_probable (Preview             *p,
               const ShouhuWorker  *w,
               char               **why)
{
  Stored probe = { 0 };
  Stored *found = NULL;

  probe.district_id = w->district_id;
  probe.name = w->name;
  probe.phone = w->phone;
  if (*w->phone != '\0' &&
      (found = first_unclaimed (g_hash_table_lookup (p->index.by_phone, &probe), G_STRUCT_OFFSET (Stored, same_phone),
                                other_name, w)) != NULL)
    {
      *why = g_strdup_printf (_("the same 本人联系电话 (%s) as record %" PRId64 " of %s: "
                                "a corrected name?"), w->phone, found->id, found->name);
      return found;
    }
  found = first_unclaimed (g_hash_table_lookup (p->index.by_name, &probe), G_STRUCT_OFFSET (Stored, same_name),
                           same_place_other_phone, w);
  if (found != NULL)
    *why = g_strdup_printf (_("the same 姓名 and %s as record %" PRId64 ", whose phone is %s: "
                              "a changed phone?"),
                            *w->home_address != '\0' && strcmp (found->home_address, w->home_address) == 0
                              ? "家庭地址" : "医院",
                            found->id, *found->phone != '\0' ? found->phone : "—");
  return found;
}

/* The choice for a likely duplicate: the row's own, else the import's. */
static ShouhuImportChoice
choice_of (const ShouhuAnnex2Import    *import,
           const ShouhuAnnex2ImportRow *row)
{
  return row->choice != SHOUHU_IMPORT_CHOICE_NONE ? row->choice : import->duplicates;
}

/* A row read (and checked by the reader) that is not twice in the file;
 * %NULL with @reason when it is. */
static ShouhuAnnex2ImportChange *
check_row (Preview                      *p,
           const ShouhuAnnex2ImportRow  *row,
           char                        **reason)
{
  const ShouhuWorker *w = row->worker;
  ShouhuAnnex2ImportChange *change;

  /* Across districts too: one person is one record. */
  if (*w->phone != '\0')
    {
      const ShouhuAnnex2ImportRow *first = g_hash_table_lookup (p->seen, row);

      if (first != NULL)
        {
          *reason = g_strdup_printf (_("%s with the phone %s is already in sheet “%s”, row %u of this file"),
                                     w->name, w->phone, first->sheet, first->row);
          return NULL;
        }
      g_hash_table_insert (p->seen, (gpointer) row, (gpointer) row);
    }

  change = g_new0 (ShouhuAnnex2ImportChange, 1);
  change->row = row;
  change->fields = no_fields ();
  return change;
}

/* The record that is the row (same district, 姓名 and phone): sets
 * @change's action, or @reason when the row cannot be taken. */
static gboolean
match_exact (Preview                   *p,
             const ShouhuWorker        *w,
             ShouhuAnnex2ImportChange  *change,
             gboolean                  *matched,
             char                     **reason,
             GError                   **error)
{
  Stored probe = { 0 };
  Stored *mine = NULL, *elsewhere = NULL;
  guint n_mine = 0;

  *matched = FALSE;
  probe.name = w->name;
  probe.phone = w->phone;
  for (Stored *s = g_hash_table_lookup (p->index.by_key, &probe); s != NULL; s = s->same_key)
    {
      if (s->district_id == w->district_id)
        {
          mine = mine != NULL ? mine : s;
          n_mine++;
        }
      else if (elsewhere == NULL && *w->phone != '\0')
        elsewhere = s;
    }
  if (n_mine > 1)
    {
      *reason = g_strdup_printf (_("%s is recorded more than once in %s with this phone: "
                                   "merge those records on the Annex 2 page first"),
                                 w->name, shouhu_district_get (w->district_id)->name);
      return TRUE;
    }
  if (mine == NULL && elsewhere != NULL)
    {
      *reason = g_strdup_printf (_("%s with the phone %s is already recorded in %s: "
                                   "a worker belongs to one district's form"),
                                 w->name, w->phone, shouhu_district_get (elsewhere->district_id)->name);
      return TRUE;
    }
  if (mine == NULL)
    return TRUE;

  *matched = TRUE;
  mine->claimed = TRUE;
  change->worker_id = mine->id;
  if (!compare_with_stored (p, w, change, mine->id, error))
    return FALSE;
  change->action = change->fields->len > 0 ? SHOUHU_IMPORT_UPDATE : SHOUHU_IMPORT_UNCHANGED;
  return TRUE;
}

/* A row that is no stored record: new, or probably one. */
static gboolean
match_probable (Preview                   *p,
                ShouhuAnnex2Import        *import,
                const ShouhuWorker        *w,
                ShouhuAnnex2ImportChange  *change,
                GError                   **error)
{
  ShouhuImportChoice choice = choice_of (import, change->row);
  Stored *probable = find_probable (p, w, &change->probable_reason);

  if (probable == NULL)
    {
      change->action = SHOUHU_IMPORT_NEW;
      return TRUE;
    }
  change->probable_id = probable->id;
  if (choice == SHOUHU_IMPORT_CHOICE_NEW)
    {
      change->action = SHOUHU_IMPORT_NEW;
      return TRUE;
    }
  probable->claimed = TRUE;
  if (!compare_with_stored (p, w, change, probable->id, error))
    return FALSE;
  if (choice == SHOUHU_IMPORT_CHOICE_UPDATE)
    {
      change->worker_id = probable->id;
      change->action = change->fields->len > 0 ? SHOUHU_IMPORT_UPDATE : SHOUHU_IMPORT_UNCHANGED;
    }
  else
    change->action = SHOUHU_IMPORT_UNDECIDED;
  return TRUE;
}

/* The stored records of the file's districts that no row is. */
static void
list_missing (Preview            *p,
              ShouhuAnnex2Import *import)
{
  gboolean in_file[SHOUHU_N_DISTRICTS + 1] = { FALSE };

  for (guint i = 0; i < import->forms->len; i++)
    in_file[((ShouhuAnnex2ImportForm *) g_ptr_array_index (import->forms, i))->district_id] = TRUE;
  for (guint i = 0; i < p->index.all->len; i++)
    {
      const Stored *s = g_ptr_array_index (p->index.all, i);
      ShouhuAnnex2ImportMissing *m;

      if (s->claimed || s->district_id < 1 || s->district_id > SHOUHU_N_DISTRICTS || !in_file[s->district_id])
        continue;
      m = g_new0 (ShouhuAnnex2ImportMissing, 1);
      m->worker_id = s->id;
      m->district_id = s->district_id;
      m->name = g_strdup (s->name);
      m->hospital = g_strdup (s->hospital);
      m->phone = g_strdup (s->phone);
      g_ptr_array_add (import->missing, m);
    }
}

typedef struct
{
  ShouhuStoreMark  mark;
  int              duplicates;
  guint            n_rows;
  guint8          *choices;   /* each row's ShouhuImportRow.choice */
} Previewed;

static void
previewed_free (Previewed *p)
{
  g_free (p->choices);
  g_free (p);
}

/**
 * shouhu_import_annex2_note_preview:
 * @mark: (nullable): the database's mark taken before a preview that
 *   just succeeded began to read, or %NULL to forget
 *
 * Remembers what that preview was made on: the database as the mark
 * says, and every decision about likely duplicates.
 */
void
shouhu_import_annex2_note_preview (const ShouhuStoreMark *mark,
                                   ShouhuAnnex2Import    *import)
{
  Previewed *p;

  g_clear_pointer ((Previewed **) &import->previewed, previewed_free);
  if (mark == NULL)
    return;
  p = g_new0 (Previewed, 1);
  p->mark = *mark;
  p->duplicates = import->duplicates;
  p->n_rows = import->rows->len;
  p->choices = g_new (guint8, MAX (p->n_rows, 1));
  for (guint i = 0; i < p->n_rows; i++)
    p->choices[i] = (guint8) ((const ShouhuAnnex2ImportRow *) g_ptr_array_index (import->rows, i))->choice;
  import->previewed = p;
}

/**
 * shouhu_import_annex2_preview_holds:
 * @holds: (out): whether the last preview is still what a new one
 *   would give: nothing was written to the database since, and no
 *   decision about a likely duplicate changed
 * @decided_since: (out) (optional): whether only decisions changed
 */
gboolean
shouhu_import_annex2_preview_holds (ShouhuStore        *store,
                                    ShouhuAnnex2Import *import,
                                    gboolean           *holds,
                                    gboolean           *decided_since,
                                    GError            **error)
{
  const Previewed *p = import->previewed;
  ShouhuStoreMark now;
  gboolean decided = FALSE;

  *holds = FALSE;
  if (decided_since != NULL)
    *decided_since = FALSE;
  if (p == NULL || p->n_rows != import->rows->len)
    return TRUE;
  if (!shouhu_store_mark (store, &now, error))
    return FALSE;
  if (!shouhu_store_mark_equal (&p->mark, &now))
    return TRUE;
  decided = p->duplicates != import->duplicates;
  for (guint i = 0; i < p->n_rows && !decided; i++)
    decided = p->choices[i] != (guint8) ((const ShouhuAnnex2ImportRow *) g_ptr_array_index (import->rows, i))->choice;
  if (decided_since != NULL)
    *decided_since = decided;
  *holds = !decided;
  return TRUE;
}

/**
 * shouhu_import_annex2_preview:
 *
 * Decides for each valid row whether it adds a record, updates one
 * (ShouhuAnnex2ImportChange.fields says what, field by field), leaves
 * one as it is, or is probably a stored record someone must decide
 * about (ShouhuAnnex2ImportRow.choice, or the import's duplicates);
 * lists the stored records of the file's districts that no row is.
 * Rows that cannot be taken (a worker already in another district,
 * twice in the file, a 结对志愿者 cell that cannot be read) are added to
 * the rejected rows.  Writes nothing; may be run again.
 */
gboolean
shouhu_import_annex2_preview (ShouhuStore         *store,
                              ShouhuAnnex2Import  *import,
                              GError             **error)
{
  Preview p = { 0 };
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();   /* changes without an exact match */
  ShouhuStoreMark mark;
  gboolean ok = FALSE;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);

  shouhu_import_annex2_note_preview (NULL, import);
  /* Before anything is read: what is written meanwhile changes it. */
  if (!shouhu_store_mark (store, &mark, error))
    return FALSE;
  g_ptr_array_set_size (import->changes, 0);
  g_ptr_array_set_size (import->missing, 0);
  g_ptr_array_set_size (import->rejected, import->n_read_listed);
  import->n_rejected = import->n_read_rejected;
  import->n_new = import->n_updated = import->n_unchanged = import->n_undecided = 0;
  if (!preview_init (&p, store, error))
    goto out;

  for (guint i = 0; i < import->forms->len; i++)
    {
      const ShouhuAnnex2ImportForm *form = g_ptr_array_index (import->forms, i);
      g_autofree char *phone = NULL;
      g_autoptr(GError) invalid = NULL;

      if (!shouhu_validate_phone ("联系电话", form->phone, &phone, &invalid))
        shouhu_import_reject_counted (import->rejected, &import->n_rejected, form->sheet, form->row,
                                      invalid->message);
    }

  /* Rows that are stored records first, so that a record a row is can
   * never be offered to another row as its likely duplicate. */
  for (guint i = 0; i < import->rows->len; i++)
    {
      const ShouhuAnnex2ImportRow *row = g_ptr_array_index (import->rows, i);
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportChange *change = check_row (&p, row, &reason);
      gboolean matched = FALSE;

      if (change != NULL && !match_exact (&p, row->worker, change, &matched, &reason, error))
        {
          shouhu_import_change_free (change);
          goto out;
        }
      if (reason != NULL)
        {
          g_clear_pointer (&change, shouhu_import_change_free);
          shouhu_import_reject_counted (import->rejected, &import->n_rejected, row->sheet, row->row, reason);
          continue;
        }
      g_ptr_array_add (import->changes, change);
      if (!matched)
        g_ptr_array_add (pending, change);
    }
  for (guint i = 0; i < pending->len; i++)
    {
      ShouhuAnnex2ImportChange *change = g_ptr_array_index (pending, i);

      if (!match_probable (&p, import, change->row->worker, change, error))
        goto out;
    }
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *change = g_ptr_array_index (import->changes, i);

      switch (change->action)
        {
        case SHOUHU_IMPORT_NEW:
          import->n_new++;
          break;
        case SHOUHU_IMPORT_UPDATE:
          import->n_updated++;
          break;
        case SHOUHU_IMPORT_UNCHANGED:
          import->n_unchanged++;
          break;
        case SHOUHU_IMPORT_UNDECIDED:
        default:
          import->n_undecided++;
          break;
        }
    }
  list_missing (&p, import);
  shouhu_import_annex2_note_preview (&mark, import);
  ok = TRUE;

out:
  preview_clear (&p);
  return ok;
}

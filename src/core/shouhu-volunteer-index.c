/* shouhu-volunteer-index.c — all volunteers in memory, for the list
 *
 * Like the Annex 2 index: the page shows up to 100,000 volunteers and is
 * searched on every keystroke, so one query reads every volunteer with
 * the number of families each guards, the text goes into one string
 * chunk, readiness is computed once for the index's day, and each row
 * gets a folded "haystack" so that a keystroke costs one strstr() per
 * row.  Loading opens a connection of its own: it may run on a worker
 * thread while the window writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-volunteer-index.h"
#include "shouhu-annex2-index.h"
#include "shouhu-list-order.h"
#include "shouhu-store-private.h"

#include <string.h>

struct _ShouhuVolunteerIndex
{
  gatomicrefcount  ref_count;
  char            *day;
  GStringChunk    *strings;
  GArray          *rows;                     /* ShouhuVolunteerEntry, by district (none first) then id */
  guint            district_start[SHOUHU_N_DISTRICTS + 2];
  const char     **sort_keys[SHOUHU_VOLUNTEER_N_COLUMNS];  /* computed on first use */
};

/* A separator that no typed query contains, so a match never spans fields. */
#define FIELD_SEPARATOR '\x1f'

/* The columns read, in the order of the fields that are text in the
 * table, then the numbers. */
static const struct
{
  ShouhuVolunteerField field;
  const char          *column;
  gboolean             repeats;   /* few distinct values: stored once each */
} text_columns[] = {
  { SHOUHU_VOLUNTEER_FIELD_NAME, "v.name", FALSE },
  { SHOUHU_VOLUNTEER_FIELD_GENDER, "v.gender", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_PHONE, "v.phone", FALSE },
  { SHOUHU_VOLUNTEER_FIELD_TOWN, "v.town", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_VILLAGE, "v.village", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_SOURCE, "v.source", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "v.trained_on", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_GEAR_ON, "v.gear_on", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_INSURER, "v.insurer", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_POLICY_NO, "v.policy_no", FALSE },
  { SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, "v.insured_from", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "v.insured_until", TRUE },
  { SHOUHU_VOLUNTEER_FIELD_NOTE, "v.note", FALSE },
};

/* Digits only, for a phone typed with spaces or dashes. */
static void
append_digits (GString    *out,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
}

/**
 * shouhu_volunteer_fold_query:
 *
 * A query as the index compares it: folded like the Annex 2 search, and
 * a query of digits written with spaces or dashes (138 1234-5678) as its
 * digits.
 *
 * Returns: (transfer full): the folded query
 */
char *
shouhu_volunteer_fold_query (const char *query)
{
  g_autofree char *folded = shouhu_annex2_fold (query);
  gboolean digits = FALSE;
  GString *out;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p != ' ' && *p != '-')
        return g_steal_pointer (&folded);
    }
  if (!digits)
    return g_steal_pointer (&folded);
  out = g_string_new (NULL);
  append_digits (out, folded);
  return g_string_free (out, FALSE);
}

static const char *
chunk_text (GStringChunk *strings,
            sqlite3_stmt *stmt,
            int           column,
            gboolean      repeats)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || text[0] == '\0')
    return "";
  if (repeats)
    return g_string_chunk_insert_const (strings, text);
  return g_string_chunk_insert_len (strings, text, sqlite3_column_bytes (stmt, column));
}

static char *
select_sql (void)
{
  GString *sql = g_string_new ("SELECT v.id, coalesce (v.district_id, 0), v.skills, v.gear, coalesce (c.n, 0)");

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    g_string_append_printf (sql, ", %s", text_columns[i].column);
  g_string_append (sql, " FROM volunteer v LEFT JOIN (SELECT volunteer_id, count (*) AS n FROM pairing "
                        "GROUP BY volunteer_id) c ON c.volunteer_id = v.id "
                        "ORDER BY coalesce (v.district_id, 0), v.id");
  return g_string_free (sql, FALSE);
}

static void
read_row (ShouhuVolunteerIndex  *index,
          sqlite3_stmt          *stmt,
          const char           **skill_texts,
          const char           **gear_texts,
          GString               *hay)
{
  ShouhuVolunteerEntry row = { 0 };
  const ShouhuDistrict *d;
  const char **text = row.text;

  row.id = sqlite3_column_int64 (stmt, 0);
  row.district_id = sqlite3_column_int (stmt, 1);
  row.skills = (guint) sqlite3_column_int (stmt, 2) & SHOUHU_SKILL_ALL;
  row.gear = (guint) sqlite3_column_int (stmt, 3) & SHOUHU_GEAR_ALL;
  row.n_families = (guint) sqlite3_column_int (stmt, 4);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    text[text_columns[i].field] = chunk_text (index->strings, stmt, 5 + (int) i, text_columns[i].repeats);
  d = shouhu_district_get (row.district_id);
  text[SHOUHU_VOLUNTEER_FIELD_DISTRICT] = d != NULL ? d->name : "";
  text[SHOUHU_VOLUNTEER_FIELD_SKILLS] = skill_texts[row.skills];
  text[SHOUHU_VOLUNTEER_FIELD_GEAR] = gear_texts[row.gear];
  row.readiness = shouhu_volunteer_readiness_of (text[SHOUHU_VOLUNTEER_FIELD_TRAINED_ON],
                                                 text[SHOUHU_VOLUNTEER_FIELD_GEAR_ON], row.gear,
                                                 text[SHOUHU_VOLUNTEER_FIELD_INSURED_FROM],
                                                 text[SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL], index->day);

  g_string_truncate (hay, 0);
  g_string_append (hay, text[SHOUHU_VOLUNTEER_FIELD_NAME]);
  g_string_append_c (hay, FIELD_SEPARATOR);
  append_digits (hay, text[SHOUHU_VOLUNTEER_FIELD_PHONE]);
  g_string_append_c (hay, FIELD_SEPARATOR);
  g_string_append (hay, text[SHOUHU_VOLUNTEER_FIELD_PHONE]);
  g_string_append_c (hay, FIELD_SEPARATOR);
  g_string_append (hay, text[SHOUHU_VOLUNTEER_FIELD_TOWN]);
  g_string_append_c (hay, FIELD_SEPARATOR);
  g_string_append (hay, text[SHOUHU_VOLUNTEER_FIELD_VILLAGE]);
  {
    g_autofree char *folded = shouhu_annex2_fold (hay->str);

    row.haystack = g_string_chunk_insert (index->strings, folded);
  }
  g_array_append_val (index->rows, row);
}

/**
 * shouhu_volunteer_index_load:
 * @day: (nullable): the day readiness is computed for, YYYY-MM-DD; %NULL
 *   for today
 *
 * Reads every volunteer in one pass; safe on a worker thread.
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 */
ShouhuVolunteerIndex *
shouhu_volunteer_index_load (ShouhuStore  *store,
                             const char   *day,
                             GError      **error)
{
  g_autoptr(ShouhuVolunteerIndex) index = g_new0 (ShouhuVolunteerIndex, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) hay = g_string_sized_new (256);
  g_autofree char *sql = select_sql ();
  const char *skill_texts[SHOUHU_SKILL_ALL + 1];
  const char *gear_texts[SHOUHU_GEAR_ALL + 1];
  sqlite3 *reader;
  int rc;

  g_atomic_ref_count_init (&index->ref_count);
  index->day = day != NULL ? g_strdup (day) : shouhu_volunteer_today ();
  index->strings = g_string_chunk_new (1 << 20);
  index->rows = g_array_new (FALSE, FALSE, sizeof (ShouhuVolunteerEntry));
  for (guint i = 0; i <= SHOUHU_SKILL_ALL; i++)
    {
      g_autofree char *t = shouhu_volunteer_skills_text (i);
      skill_texts[i] = g_string_chunk_insert (index->strings, t);
    }
  for (guint i = 0; i <= SHOUHU_GEAR_ALL; i++)
    {
      g_autofree char *t = shouhu_volunteer_gear_text (i);
      gear_texts[i] = g_string_chunk_insert (index->strings, t);
    }

  reader = shouhu_store_open_reader (store, error);
  if (reader == NULL)
    return NULL;
  rc = sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      read_row (index, stmt, skill_texts, gear_texts, hay);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_reader_error (reader, rc, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close_v2 (reader);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (reader);

  /* Rows come sorted by district (0: none): each district is one range. */
  shouhu_list_district_starts (index->rows, G_STRUCT_OFFSET (ShouhuVolunteerEntry, district_id),
                               index->district_start);
  return g_steal_pointer (&index);
}

ShouhuVolunteerIndex *
shouhu_volunteer_index_ref (ShouhuVolunteerIndex *index)
{
  g_atomic_ref_count_inc (&index->ref_count);
  return index;
}

void
shouhu_volunteer_index_unref (ShouhuVolunteerIndex *index)
{
  if (index == NULL || !g_atomic_ref_count_dec (&index->ref_count))
    return;
  for (guint c = 0; c < SHOUHU_VOLUNTEER_N_COLUMNS; c++)
    g_free (index->sort_keys[c]);
  g_clear_pointer (&index->rows, g_array_unref);
  g_clear_pointer (&index->strings, g_string_chunk_free);
  g_free (index->day);
  g_free (index);
}

/* Returns: the day readiness was computed for */
const char *
shouhu_volunteer_index_get_day (ShouhuVolunteerIndex *index)
{
  return index->day;
}

guint
shouhu_volunteer_index_get_n_rows (ShouhuVolunteerIndex *index)
{
  return index->rows->len;
}

const ShouhuVolunteerEntry *
shouhu_volunteer_index_get_row (ShouhuVolunteerIndex *index,
                                guint                 position)
{
  g_return_val_if_fail (position < index->rows->len, NULL);
  return &g_array_index (index->rows, ShouhuVolunteerEntry, position);
}

/**
 * shouhu_volunteer_index_find_id:
 * @position: (out): where the volunteer is in the index
 */
gboolean
shouhu_volunteer_index_find_id (ShouhuVolunteerIndex *index,
                                gint64                id,
                                guint                *position)
{
  for (guint i = 0; i < index->rows->len; i++)
    if (g_array_index (index->rows, ShouhuVolunteerEntry, i).id == id)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
keeps_readiness (ShouhuReadinessFilter   filter,
                 const ShouhuReadiness  *r)
{
  switch (filter)
    {
    case SHOUHU_READINESS_FILTER_READY:
      return r->ready;
    case SHOUHU_READINESS_FILTER_NOT_READY:
      return !r->ready;
    case SHOUHU_READINESS_FILTER_INSURANCE_ENDING:
      return shouhu_readiness_insurance_warns (r);
    case SHOUHU_READINESS_FILTER_ALL:
    default:
      return TRUE;
    }
}

typedef struct
{
  ShouhuVolunteerIndex        *index;
  const ShouhuVolunteerFilter *filter;
  const char                  *needle;
} Search;

static gboolean
keeps (guint    position,
       gpointer user_data)
{
  const Search *search = user_data;
  const ShouhuVolunteerFilter *filter = search->filter;
  const char *needle = search->needle;
  const ShouhuVolunteerEntry *row = &g_array_index (search->index->rows, ShouhuVolunteerEntry, position);

  return (filter->town == NULL || filter->town[0] == '\0' ||
          strcmp (row->text[SHOUHU_VOLUNTEER_FIELD_TOWN], filter->town) == 0) &&
         keeps_readiness (filter->readiness, &row->readiness) &&
         (!filter->without_families || row->n_families == 0) &&
         (needle[0] == '\0' || strstr (row->haystack, needle) != NULL);
}

/**
 * shouhu_volunteer_index_search:
 * @filter: which volunteers to keep
 * @within: (nullable) (element-type guint): look only at these positions
 *   (the result of a filter this one narrows: one more letter typed)
 *
 * Returns: (transfer full) (element-type guint): positions of the matches,
 *   in index order
 */
GArray *
shouhu_volunteer_index_search (ShouhuVolunteerIndex        *index,
                               const ShouhuVolunteerFilter *filter,
                               const GArray                *within)
{
  g_autofree char *needle = shouhu_volunteer_fold_query (filter->query);
  Search search = { index, filter, needle };
  guint start, end;

  shouhu_list_district_range (index->district_start, index->rows->len, filter->district_id, &start, &end);
  return shouhu_list_search (start, end, within, keeps, &search);
}

static char *
make_sort_key (const ShouhuVolunteerEntry *row,
               ShouhuVolunteerColumn       column)
{
  const ShouhuReadiness *r = &row->readiness;

  switch (column)
    {
    case SHOUHU_VOLUNTEER_COLUMN_DISTRICT:
      /* No district last. */
      return g_strdup_printf ("%02d", row->district_id > 0 ? row->district_id : 99);
    case SHOUHU_VOLUNTEER_COLUMN_STATUS:
      /* Ready, then ready with insurance ending, then by how much is lacking. */
      return g_strdup_printf ("%c%u%u", r->ready ? (shouhu_readiness_insurance_warns (r) ? '1' : '0') : '2',
                              (r->lacks & 1) + (r->lacks >> 1 & 1) + (r->lacks >> 2 & 1), r->lacks);
    case SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES:
      return g_strdup_printf ("%010u", row->n_families);
    case SHOUHU_VOLUNTEER_COLUMN_SKILLS:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_SKILLS], -1);
    case SHOUHU_VOLUNTEER_COLUMN_NAME:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_NAME], -1);
    case SHOUHU_VOLUNTEER_COLUMN_GENDER:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_GENDER], -1);
    case SHOUHU_VOLUNTEER_COLUMN_PHONE:
      return g_strdup (row->text[SHOUHU_VOLUNTEER_FIELD_PHONE]);
    case SHOUHU_VOLUNTEER_COLUMN_TOWN:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_TOWN], -1);
    case SHOUHU_VOLUNTEER_COLUMN_VILLAGE:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_VILLAGE], -1);
    case SHOUHU_VOLUNTEER_COLUMN_SOURCE:
      return g_utf8_collate_key (row->text[SHOUHU_VOLUNTEER_FIELD_SOURCE], -1);
    case SHOUHU_VOLUNTEER_N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

/**
 * shouhu_volunteer_index_sort_key:
 *
 * A key that compares with strcmp() in the column's order (names in the
 * order of the user's language, 区县 in official order).  The keys of a
 * column are made the first time it is sorted; main thread only.
 */
const char *
shouhu_volunteer_index_sort_key (ShouhuVolunteerIndex  *index,
                                 guint                  position,
                                 ShouhuVolunteerColumn  column)
{
  g_return_val_if_fail (column < SHOUHU_VOLUNTEER_N_COLUMNS, "");
  g_return_val_if_fail (position < index->rows->len, "");

  if (index->sort_keys[column] == NULL)
    {
      const char **keys = g_new (const char *, MAX (index->rows->len, 1));

      for (guint i = 0; i < index->rows->len; i++)
        {
          g_autofree char *key = make_sort_key (&g_array_index (index->rows, ShouhuVolunteerEntry, i), column);

          keys[i] = g_string_chunk_insert_const (index->strings, key);
        }
      index->sort_keys[column] = keys;
    }
  return index->sort_keys[column][position];
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/**
 * shouhu_volunteer_index_towns:
 * @district_id: 1..41, or 0 for every district
 *
 * Returns: (transfer full): the 乡镇（街道） the volunteers name, each
 *   once, in the order of the user's language
 */
char **
shouhu_volunteer_index_towns (ShouhuVolunteerIndex *index,
                              int                   district_id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) towns = g_ptr_array_new ();
  guint start, end;

  shouhu_list_district_range (index->district_start, index->rows->len, district_id, &start, &end);
  for (guint i = start; i < end; i++)
    {
      const char *town = g_array_index (index->rows, ShouhuVolunteerEntry, i).text[SHOUHU_VOLUNTEER_FIELD_TOWN];

      if (*town != '\0' && g_hash_table_add (seen, (gpointer) town))
        g_ptr_array_add (towns, g_strdup (town));
    }
  g_ptr_array_sort (towns, compare_collated);
  g_ptr_array_add (towns, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&towns), FALSE);
}

/**
 * shouhu_volunteer_index_count:
 * @district_id: 1..41, or 0 for all
 * @n_ready: (out) (optional): ready, whatever their insurance
 * @n_insurance_ending: (out) (optional): ready, insurance ending within
 *   %SHOUHU_INSURANCE_WARN_DAYS days
 * @n_not_ready: (out) (optional): 待上岗
 */
void
shouhu_volunteer_index_count (ShouhuVolunteerIndex *index,
                              int                   district_id,
                              guint                *n_ready,
                              guint                *n_insurance_ending,
                              guint                *n_not_ready)
{
  guint start, end, ready = 0, ending = 0;

  shouhu_list_district_range (index->district_start, index->rows->len, district_id, &start, &end);
  for (guint i = start; i < end; i++)
    {
      const ShouhuReadiness *r = &g_array_index (index->rows, ShouhuVolunteerEntry, i).readiness;

      ready += r->ready;
      ending += shouhu_readiness_insurance_warns (r);
    }
  if (n_ready != NULL)
    *n_ready = ready;
  if (n_insurance_ending != NULL)
    *n_insurance_ending = ending;
  if (n_not_ready != NULL)
    *n_not_ready = end - start - ready;
}

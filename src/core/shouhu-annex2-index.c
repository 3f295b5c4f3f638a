/* shouhu-annex2-index.c — all Annex 2 rows in memory, for the list
 *
 * The list shows up to 100,000 workers and is searched on every keystroke,
 * so it is not read from SQLite row by row: one query loads every worker
 * with the names of the paired volunteers, the text goes into one string
 * chunk, and each row gets a folded "haystack" (Latin lower case, ASCII
 * digits) so that a keystroke costs one strstr() per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-index.h"
#include "shouhu-list-order.h"
#include "shouhu-store-private.h"
#include "shouhu-volunteer.h"

#include <string.h>

struct _ShouhuAnnex2Index
{
  gatomicrefcount  ref_count;
  GStringChunk    *strings;
  GArray          *rows;                          /* ShouhuAnnex2Row, by district then id */
  guint            district_start[SHOUHU_N_DISTRICTS + 2];
  const char     **sort_keys[SHOUHU_ANNEX2_N_FIELDS];  /* computed on first use */
};

/* A separator that no typed query contains, so a match never spans fields. */
#define FIELD_SEPARATOR '\x1f'

static void
fold_into (GString    *out,
           const char *text)
{
  for (const char *p = text; *p != '\0'; )
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (c));
          p++;
          continue;
        }

      {
        gunichar u = g_utf8_get_char (p);
        const char *next = g_utf8_next_char (p);

        if (u >= 0xFF01 && u <= 0xFF5E)           /* full-width ASCII */
          g_string_append_c (out, g_ascii_tolower ((char) (u - 0xFF01 + 0x21)));
        else if (u == 0x3000)
          g_string_append_c (out, ' ');
        else if (u < 0x250 && g_unichar_isupper (u))  /* Latin with accents */
          g_string_append_unichar (out, g_unichar_tolower (u));
        else
          g_string_append_len (out, p, next - p);
        p = next;
      }
    }
}

/**
 * shouhu_annex2_fold:
 *
 * The form search compares: Latin letters in lower case, full-width
 * letters and digits as ASCII, surrounding space trimmed.
 *
 * Returns: (transfer full): the folded text
 */
char *
shouhu_annex2_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  fold_into (out, text != NULL ? text : "");
  return g_strstrip (g_string_free (out, FALSE));
}

static const char *
chunk_text (GStringChunk *strings,
            sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || text[0] == '\0')
    return "";
  return g_string_chunk_insert_len (strings, text, sqlite3_column_bytes (stmt, column));
}

/**
 * shouhu_annex2_index_load:
 *
 * Reads every worker, with the names of the paired volunteers and how
 * many of them are ready for duty today, in one pass.
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 */
ShouhuAnnex2Index *
shouhu_annex2_index_load (ShouhuStore  *store,
                          GError      **error)
{
  g_autoptr(ShouhuAnnex2Index) index = g_new0 (ShouhuAnnex2Index, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) hay = g_string_sized_new (256);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *today = shouhu_volunteer_today ();
  sqlite3 *reader;
  int rc;

  /* A connection of its own: the page loads on a worker thread while
   * the window keeps writing through the store's. */
  reader = shouhu_store_open_reader (store, error);
  if (reader == NULL)
    return NULL;

  g_atomic_ref_count_init (&index->ref_count);
  index->strings = g_string_chunk_new (1 << 20);
  index->rows = g_array_new (FALSE, FALSE, sizeof (ShouhuAnnex2Row));

  columns = shouhu_annex2_form_sql_columns ("w.", "", TRUE);
  /* "2 1 志愿者甲、志愿者乙": how many, how many ready, their names. */
  sql = g_strdup_printf ("SELECT w.id, w.district_id, %s, "
                         "  (SELECT count (*) || ' ' || coalesce (sum (%s), 0) || ' ' || "
                         "          coalesce (group_concat (v.name, '、'), '') "
                         "   FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id "
                         "   WHERE p.worker_id = w.id), w.needs "
                         "FROM worker w ORDER BY w.district_id, w.id", columns, ready);
  rc = sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      shouhu_store_reader_error (reader, rc, error);
      sqlite3_close_v2 (reader);
      return NULL;
    }
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), today, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuAnnex2Row row = { 0 };
      const ShouhuDistrict *d;
      const char *paired;
      char *names = NULL;
      int col = 2;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.district_id = sqlite3_column_int (stmt, 1);
      d = shouhu_district_get (row.district_id);
      row.text[SHOUHU_ANNEX2_FIELD_DISTRICT] = d != NULL ? d->name : "";
      /* The text fields in the form's order, then the pairings. */
      for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        if (shouhu_annex2_field_is_text (f))
          row.text[f] = chunk_text (index->strings, stmt, col++);

      paired = (const char *) sqlite3_column_text (stmt, col);
      row.n_volunteers = (guint) g_ascii_strtoull (paired, &names, 10);
      row.n_ready = (guint) g_ascii_strtoull (names, &names, 10);
      row.text[SHOUHU_ANNEX2_FIELD_VOLUNTEERS] =
        names[0] == ' ' && names[1] != '\0' ? g_string_chunk_insert (index->strings, names + 1) : "";
      row.needs = (guint) sqlite3_column_int (stmt, col + 1);

      g_string_truncate (hay, 0);
      fold_into (hay, row.text[SHOUHU_ANNEX2_FIELD_NAME]);
      g_string_append_c (hay, FIELD_SEPARATOR);
      fold_into (hay, row.text[SHOUHU_ANNEX2_FIELD_HOSPITAL]);
      g_string_append_c (hay, FIELD_SEPARATOR);
      g_string_append (hay, row.text[SHOUHU_ANNEX2_FIELD_PHONE]);
      g_string_append_c (hay, FIELD_SEPARATOR);
      g_string_append (hay, row.text[SHOUHU_ANNEX2_FIELD_FAMILY_PHONE]);
      g_string_append_c (hay, FIELD_SEPARATOR);
      fold_into (hay, row.text[SHOUHU_ANNEX2_FIELD_HOME_ADDRESS]);
      g_string_append_c (hay, FIELD_SEPARATOR);
      fold_into (hay, row.text[SHOUHU_ANNEX2_FIELD_VOLUNTEERS]);
      row.haystack = g_string_chunk_insert_len (index->strings, hay->str, hay->len);

      g_array_append_val (index->rows, row);
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

  /* Rows come sorted by district: each district is one range. */
  shouhu_list_district_starts (index->rows, G_STRUCT_OFFSET (ShouhuAnnex2Row, district_id), index->district_start);

  return g_steal_pointer (&index);
}

ShouhuAnnex2Index *
shouhu_annex2_index_ref (ShouhuAnnex2Index *index)
{
  g_atomic_ref_count_inc (&index->ref_count);
  return index;
}

void
shouhu_annex2_index_unref (ShouhuAnnex2Index *index)
{
  if (index == NULL || !g_atomic_ref_count_dec (&index->ref_count))
    return;
  for (guint c = 0; c < SHOUHU_ANNEX2_N_FIELDS; c++)
    g_free (index->sort_keys[c]);
  g_clear_pointer (&index->rows, g_array_unref);
  g_clear_pointer (&index->strings, g_string_chunk_free);
  g_free (index);
}

guint
shouhu_annex2_index_get_n_rows (ShouhuAnnex2Index *index)
{
  return index->rows->len;
}

const ShouhuAnnex2Row *
shouhu_annex2_index_get_row (ShouhuAnnex2Index *index,
                             guint              position)
{
  g_return_val_if_fail (position < index->rows->len, NULL);
  return &g_array_index (index->rows, ShouhuAnnex2Row, position);
}

/**
 * shouhu_annex2_index_find_id:
 * @position: (out): where the worker is in the index
 */
gboolean
shouhu_annex2_index_find_id (ShouhuAnnex2Index *index,
                             gint64             id,
                             guint             *position)
{
  for (guint i = 0; i < index->rows->len; i++)
    if (g_array_index (index->rows, ShouhuAnnex2Row, i).id == id)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

typedef struct
{
  ShouhuAnnex2Index *index;
  const char        *needle;
} Needle;

static gboolean
has_needle (guint    position,
            gpointer user_data)
{
  const Needle *search = user_data;

  return strstr (g_array_index (search->index->rows, ShouhuAnnex2Row, position).haystack, search->needle) != NULL;
}

/**
 * shouhu_annex2_index_search:
 * @district_id: 1..41, or 0 for all
 * @query: looked for as a substring of 姓名, 医院, the phones, 家庭地址 and
 *   the paired volunteers' names; "" matches every row
 * @within: (nullable) (element-type guint): look only at these positions
 *   (the result of a shorter query that this one contains: what types
 *   one more letter only narrows the result)
 *
 * Returns: (transfer full) (element-type guint): positions of the matches,
 *   in index order
 */
GArray *
shouhu_annex2_index_search (ShouhuAnnex2Index *index,
                            int                district_id,
                            const char        *query,
                            const GArray      *within)
{
  g_autofree char *needle = shouhu_annex2_fold (query);
  Needle search = { index, needle };
  guint start, end;

  shouhu_list_district_range (index->district_start, index->rows->len, district_id, &start, &end);
  return shouhu_list_search (start, end, within, needle[0] != '\0' ? has_needle : NULL, &search);
}

/**
 * shouhu_annex2_index_sort_key:
 * @column: a ShouhuAnnex2Field
 *
 * A key that compares with strcmp() in the order of the user's language
 * (区县 in official order).  The keys of a column are made the first time
 * that column is sorted.
 */
const char *
shouhu_annex2_index_sort_key (ShouhuAnnex2Index *index,
                              guint              position,
                              guint              column)
{
  g_return_val_if_fail (column < SHOUHU_ANNEX2_N_FIELDS, "");
  g_return_val_if_fail (position < index->rows->len, "");

  if (index->sort_keys[column] == NULL)
    {
      const char **keys = g_new (const char *, index->rows->len);

      for (guint i = 0; i < index->rows->len; i++)
        {
          const ShouhuAnnex2Row *row = &g_array_index (index->rows, ShouhuAnnex2Row, i);
          g_autofree char *key = NULL;

          if (column == SHOUHU_ANNEX2_FIELD_DISTRICT)
            key = g_strdup_printf ("%02d", row->district_id);
          else
            key = g_utf8_collate_key (row->text[column], -1);
          keys[i] = g_string_chunk_insert (index->strings, key);
        }
      index->sort_keys[column] = keys;
    }
  return index->sort_keys[column][position];
}

/* shouhu-annex1-draft.c — Annex 1 figures typed but not stored yet
 *
 * When a district's figures go down, its new 总人数 may be below the
 * stored 其中：支援湖北 until that is typed too.  The draft keeps what was
 * typed in a batch's pair of cells until the pair as a whole keeps the
 * rule (支援湖北 never more than 总人数), then stores both halves at once:
 * nothing that breaks the rule reaches the database, and nothing typed is
 * thrown away meanwhile.
 *
 * A pair with something typed is checked once both halves were typed, or
 * once its row was left (shouhu_annex1_draft_leave_row()); until then it
 * only waits.  A count that is not a number is wrong at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1-draft.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _ShouhuAnnex1Draft
{
  GHashTable *pairs;   /* "as_of/district/batch" → Pending */
};

typedef struct
{
  char     *as_of;
  int       district_id;
  int       batch;
  char     *text[2];   /* by ShouhuAnnex1Field; NULL: as stored */
  gboolean  checked;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->as_of);
  g_free (p->text[0]);
  g_free (p->text[1]);
  g_free (p);
}

static char *
pair_key (const char *as_of,
          int         district_id,
          int         batch)
{
  return g_strdup_printf ("%s/%d/%d", as_of, district_id, batch);
}

static Pending *
lookup (ShouhuAnnex1Draft *draft,
        const char        *as_of,
        int                district_id,
        int                batch)
{
  g_autofree char *key = pair_key (as_of, district_id, batch);

  return g_hash_table_lookup (draft->pairs, key);
}

ShouhuAnnex1Draft *
shouhu_annex1_draft_new (void)
{
  ShouhuAnnex1Draft *draft = g_new0 (ShouhuAnnex1Draft, 1);

  draft->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_free);
  return draft;
}

void
shouhu_annex1_draft_free (ShouhuAnnex1Draft *draft)
{
  if (draft == NULL)
    return;
  g_hash_table_unref (draft->pairs);
  g_free (draft);
}

/**
 * shouhu_annex1_draft_get_text:
 *
 * Returns: (nullable): what was typed in the cell and is not stored, or
 * %NULL when the cell shows what is stored
 */
const char *
shouhu_annex1_draft_get_text (ShouhuAnnex1Draft *draft,
                              const char        *as_of,
                              int                district_id,
                              int                batch,
                              ShouhuAnnex1Field  field)
{
  Pending *p = lookup (draft, as_of, district_id, batch);

  return p != NULL ? p->text[field] : NULL;
}

static ShouhuCount
stored_count (const ShouhuAnnex1Table *table,
              int                      district_id,
              int                      batch)
{
  ShouhuCount none = { 0, 0 };

  if (batch < 1 || batch > table->n_batches)
    return none;
  return table->rows[district_id - 1].batches[batch - 1];
}

/* The pair as typed over the stored one; FALSE when a typed half is not a
 * count (@bad says which, @error why). */
static gboolean
typed_count (const Pending           *p,
             const ShouhuAnnex1Table *table,
             ShouhuCount             *count,
             gboolean                 bad[2],
             GError                 **error)
{
  gint64 *values[2];

  *count = stored_count (table, p->district_id, p->batch);
  values[SHOUHU_ANNEX1_TOTAL] = &count->total;
  values[SHOUHU_ANNEX1_HUBEI] = &count->hubei;
  for (int f = SHOUHU_ANNEX1_TOTAL; f <= SHOUHU_ANNEX1_HUBEI; f++)
    if (p->text[f] != NULL &&
        !shouhu_annex1_parse_count (p->batch, f, p->text[f], values[f], error))
      {
        if (bad != NULL)
          bad[f] = TRUE;
        return FALSE;
      }
  return TRUE;
}

/**
 * shouhu_annex1_draft_type:
 * @table: the stored table the cell belongs to
 * @text: what the cell holds now
 *
 * Records what was typed in one count cell (the stored text takes a typed
 * one back) and stores the pair when it keeps the rule.
 *
 * Returns: %FALSE only when storing a good pair failed; a pair that breaks
 * a rule stays in the draft (see shouhu_annex1_draft_get_state())
 */
gboolean
shouhu_annex1_draft_type (ShouhuAnnex1Draft        *draft,
                          ShouhuStore              *store,
                          const ShouhuAnnex1Table  *table,
                          int                       district_id,
                          int                       batch,
                          ShouhuAnnex1Field         field,
                          const char               *text,
                          GError                  **error)
{
  g_autofree char *key = pair_key (table->as_of, district_id, batch);
  g_autofree char *table_key = NULL;   /* the table's own key while the pair is out */
  Pending *p = g_hash_table_lookup (draft->pairs, key);
  ShouhuCount stored = stored_count (table, district_id, batch);
  ShouhuCount count;
  gint64 value;

  g_return_val_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS, FALSE);

  if (p == NULL)
    {
      p = g_new0 (Pending, 1);
      p->as_of = g_strdup (table->as_of);
      p->district_id = district_id;
      p->batch = batch;
      g_hash_table_insert (draft->pairs, g_steal_pointer (&key), p);
    }

  /* The stored figure, however written (１２, " 12"), is nothing typed. */
  g_clear_pointer (&p->text[field], g_free);
  if (!shouhu_annex1_parse_count (batch, field, text, &value, NULL) ||
      value != (field == SHOUHU_ANNEX1_TOTAL ? stored.total : stored.hubei))
    p->text[field] = g_strdup (text);

  g_clear_pointer (&key, g_free);
  key = pair_key (table->as_of, district_id, batch);
  if (p->text[SHOUHU_ANNEX1_TOTAL] == NULL && p->text[SHOUHU_ANNEX1_HUBEI] == NULL)
    {
      g_hash_table_remove (draft->pairs, key);
      return TRUE;
    }

  if (!typed_count (p, table, &count, NULL, NULL))
    return TRUE;
  if (!shouhu_annex1_check (batch, count.total, count.hubei, NULL))
    {
      /* Both halves typed: the pair is complete, and wrong. */
      if (p->text[SHOUHU_ANNEX1_TOTAL] != NULL && p->text[SHOUHU_ANNEX1_HUBEI] != NULL)
        p->checked = TRUE;
      return TRUE;
    }

  /* Out of the draft before the store says it changed, back in if the
   * store refuses: whoever refreshes on that signal sees the pair stored. */
  g_hash_table_steal_extended (draft->pairs, key, (gpointer *) &table_key, NULL);
  if (!shouhu_annex1_set_pair (store, table->as_of, district_id, batch, count.total, count.hubei, error))
    {
      g_hash_table_insert (draft->pairs, g_steal_pointer (&table_key), p);
      return FALSE;
    }
  pending_free (p);
  return TRUE;
}

/**
 * shouhu_annex1_draft_leave_row:
 *
 * The focus left the row of @district_id: its pairs are checked from now
 * on.
 */
void
shouhu_annex1_draft_leave_row (ShouhuAnnex1Draft *draft,
                               const char        *as_of,
                               int                district_id)
{
  GHashTableIter iter;
  Pending *p;

  g_hash_table_iter_init (&iter, draft->pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    if (p->district_id == district_id && g_strcmp0 (p->as_of, as_of) == 0)
      p->checked = TRUE;
}

/**
 * shouhu_annex1_draft_get_state:
 * @bad: (out caller-allocates) (optional): which halves break the rule
 * @message: (out) (optional): why, naming the district, for an invalid pair
 */
ShouhuAnnex1PairState
shouhu_annex1_draft_get_state (ShouhuAnnex1Draft        *draft,
                               const ShouhuAnnex1Table  *table,
                               int                       district_id,
                               int                       batch,
                               gboolean                  bad[2],
                               char                    **message)
{
  Pending *p = lookup (draft, table->as_of, district_id, batch);
  g_autoptr(GError) error = NULL;
  gboolean local_bad[2] = { FALSE, FALSE };
  ShouhuCount count;

  if (bad != NULL)
    bad[0] = bad[1] = FALSE;
  if (message != NULL)
    *message = NULL;
  if (p == NULL)
    return SHOUHU_ANNEX1_PAIR_STORED;

  if (typed_count (p, table, &count, local_bad, &error))
    {
      if (!p->checked || shouhu_annex1_check (batch, count.total, count.hubei, &error))
        return SHOUHU_ANNEX1_PAIR_WAITING;
      local_bad[0] = local_bad[1] = TRUE;
    }

  if (bad != NULL)
    {
      bad[0] = local_bad[0];
      bad[1] = local_bad[1];
    }
  if (message != NULL)
    /* Translators: a district's name, then why its figures are refused */
    *message = g_strdup_printf (_("%s, %s"), shouhu_district_get (district_id)->name, error->message);
  return SHOUHU_ANNEX1_PAIR_INVALID;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const ShouhuAnnex1PairRef *x = a, *y = b;

  if (x->district_id != y->district_id)
    return x->district_id - y->district_id;
  return x->batch - y->batch;
}

/**
 * shouhu_annex1_draft_list:
 *
 * Returns: (transfer full) (element-type ShouhuAnnex1PairRef): the pairs
 * of the table of @as_of with something typed, in official order
 */
GArray *
shouhu_annex1_draft_list (ShouhuAnnex1Draft *draft,
                          const char        *as_of)
{
  GArray *refs = g_array_new (FALSE, FALSE, sizeof (ShouhuAnnex1PairRef));
  GHashTableIter iter;
  Pending *p;

  g_hash_table_iter_init (&iter, draft->pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    if (g_strcmp0 (p->as_of, as_of) == 0)
      {
        ShouhuAnnex1PairRef ref = { p->district_id, p->batch };

        g_array_append_val (refs, ref);
      }
  g_array_sort (refs, compare_refs);
  return refs;
}

/**
 * shouhu_annex1_draft_has_batch:
 *
 * Returns: whether anything typed in @batch of the table of @as_of is not
 * stored
 */
gboolean
shouhu_annex1_draft_has_batch (ShouhuAnnex1Draft *draft,
                               const char        *as_of,
                               int                batch)
{
  g_autoptr(GArray) refs = shouhu_annex1_draft_list (draft, as_of);

  for (guint i = 0; i < refs->len; i++)
    if (g_array_index (refs, ShouhuAnnex1PairRef, i).batch == batch)
      return TRUE;
  return FALSE;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * shouhu_annex1_draft_dates:
 *
 * Returns: (transfer full): the dates of the tables with something typed
 *   and not stored, in order
 */
GStrv
shouhu_annex1_draft_dates (ShouhuAnnex1Draft *draft)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  GHashTableIter iter;
  Pending *p;

  g_hash_table_iter_init (&iter, draft->pairs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    if (!g_ptr_array_find_with_equal_func (dates, p->as_of, g_str_equal, NULL))
      g_ptr_array_add (dates, g_strdup (p->as_of));
  g_ptr_array_sort (dates, compare_dates);
  g_ptr_array_add (dates, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&dates), FALSE);
}

/**
 * shouhu_annex1_draft_flush:
 * @table: the stored table of one date, as it is now
 *
 * Before the draft goes (its window closes): stores every pair of the
 * table's date that keeps the rule as typed over the table as stored now
 * (another program may have changed the other half), and checks the
 * others, which are then refused or waiting no more.
 *
 * Returns: %FALSE when storing a good pair failed
 */
gboolean
shouhu_annex1_draft_flush (ShouhuAnnex1Draft        *draft,
                           ShouhuStore              *store,
                           const ShouhuAnnex1Table  *table,
                           GError                  **error)
{
  g_autoptr(GArray) refs = shouhu_annex1_draft_list (draft, table->as_of);

  for (guint i = 0; i < refs->len; i++)
    {
      const ShouhuAnnex1PairRef *ref = &g_array_index (refs, ShouhuAnnex1PairRef, i);
      g_autofree char *key = pair_key (table->as_of, ref->district_id, ref->batch);
      g_autofree char *table_key = NULL;
      Pending *p = g_hash_table_lookup (draft->pairs, key);
      ShouhuCount count;

      p->checked = TRUE;
      if (!typed_count (p, table, &count, NULL, NULL) ||
          !shouhu_annex1_check (ref->batch, count.total, count.hubei, NULL))
        continue;
      /* The table's own key goes out with the pair, and back if refused. */
      g_hash_table_steal_extended (draft->pairs, key, (gpointer *) &table_key, NULL);
      if (!shouhu_annex1_set_pair (store, table->as_of, ref->district_id, ref->batch,
                                   count.total, count.hubei, error))
        {
          g_hash_table_insert (draft->pairs, g_steal_pointer (&table_key), p);
          return FALSE;
        }
      pending_free (p);
    }
  return TRUE;
}

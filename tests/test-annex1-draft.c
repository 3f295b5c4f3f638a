/* test-annex1-draft.c — Annex 1 figures typed but not stored yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1-draft.h"
#include "shouhu-test-util.h"

#include <string.h>

/* Steps typed into 渝中区's first batch (stored 60 / 44): "T30" types 30
 * as 总人数, "H20" as 支援湖北 ("_" for a blank), "L" leaves the row. */
typedef struct
{
  const char           *steps;
  gint64                total, hubei;   /* stored afterwards */
  ShouhuAnnex1PairState state;
  gboolean              bad_total, bad_hubei;
} Case;

static const Case cases[] = {
  /* Typed left to right as the figures go down. */
  { "T30",          60, 44, SHOUHU_ANNEX1_PAIR_WAITING, FALSE, FALSE },
  { "T30 H20",      30, 20, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  { "T30 L H20",    30, 20, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  /* Right to left as they go up. */
  { "H61",          60, 44, SHOUHU_ANNEX1_PAIR_WAITING, FALSE, FALSE },
  { "H80 T90",      90, 80, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  /* Good with the stored other half: stored at once. */
  { "T70",          70, 44, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  { "H１２",        60, 12, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  /* Wrong once the row is left, or both halves typed. */
  { "T30 L",        60, 44, SHOUHU_ANNEX1_PAIR_INVALID, TRUE,  TRUE },
  { "H61 L",        60, 44, SHOUHU_ANNEX1_PAIR_INVALID, TRUE,  TRUE },
  { "T30 H50",      60, 44, SHOUHU_ANNEX1_PAIR_INVALID, TRUE,  TRUE },
  /* Not a number: wrong at once, that half only. */
  { "T三十",        60, 44, SHOUHU_ANNEX1_PAIR_INVALID, TRUE,  FALSE },
  { "H-1",          60, 44, SHOUHU_ANNEX1_PAIR_INVALID, FALSE, TRUE },
  /* Typing the stored figure back takes the typed one back. */
  { "T30 T60",      60, 44, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
  { "T30 H50 T_60", 60, 50, SHOUHU_ANNEX1_PAIR_STORED,  FALSE, FALSE },
};

static void
run_case (ShouhuStore *store,
          const Case  *c)
{
  g_autoptr(ShouhuAnnex1Draft) draft = shouhu_annex1_draft_new ();
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) steps = g_strsplit (c->steps, " ", -1);
  g_autofree char *message = NULL;
  gboolean bad[2];
  ShouhuAnnex1PairState state;
  guint n_steps = g_strv_length (steps);

  g_assert_true (shouhu_annex1_set_pair (store, "2020-02-07", 4, 1, 60, 44, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_steps; i++)
    {
      const char *step = steps[i];

      g_clear_pointer (&table, shouhu_annex1_table_free);
      table = shouhu_annex1_load (store, "2020-02-07", &error);
      g_assert_no_error (error);
      if (step[0] == 'L')
        shouhu_annex1_draft_leave_row (draft, "2020-02-07", 4);
      else
        {
          g_autofree char *text = g_strdelimit (g_strdup (step + 1), "_", ' ');

          g_assert_true (shouhu_annex1_draft_type (draft, store, table, 4, 1,
                                                   step[0] == 'T' ? SHOUHU_ANNEX1_TOTAL : SHOUHU_ANNEX1_HUBEI,
                                                   text, &error));
          g_assert_no_error (error);
        }
    }

  g_clear_pointer (&table, shouhu_annex1_table_free);
  table = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpint (table->rows[3].batches[0].total, ==, c->total);
  g_assert_cmpint (table->rows[3].batches[0].hubei, ==, c->hubei);

  state = shouhu_annex1_draft_get_state (draft, table, 4, 1, bad, &message);
  g_assert_cmpint (state, ==, c->state);
  g_assert_cmpint (bad[SHOUHU_ANNEX1_TOTAL], ==, c->bad_total);
  g_assert_cmpint (bad[SHOUHU_ANNEX1_HUBEI], ==, c->bad_hubei);
  if (state == SHOUHU_ANNEX1_PAIR_INVALID)
    g_assert_nonnull (strstr (message, "渝中区"));
  else
    g_assert_null (message);

  /* Nothing of another pair or date is touched. */
  g_assert_cmpint (table->rows[3].batches[1].total, ==, 49);
  {
    g_autoptr(GArray) other = shouhu_annex1_draft_list (draft, "2020-02-14");
    g_autoptr(GArray) refs = shouhu_annex1_draft_list (draft, "2020-02-07");

    g_assert_cmpuint (other->len, ==, 0);
    g_assert_cmpuint (refs->len, ==, state == SHOUHU_ANNEX1_PAIR_STORED ? 0 : 1);
    g_assert_cmpint (shouhu_annex1_draft_has_batch (draft, "2020-02-07", 1), ==, refs->len > 0);
  }
}

static void
test_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].steps);
      run_case (store, &cases[i]);
    }

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* The notice's table and a second date's copy of it. */
static void
two_dates (ShouhuStore        *store,
           ShouhuAnnex1Table **first,
           ShouhuAnnex1Table **second)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (shouhu_annex1_new_date (store, "2020-02-14", &error));
  *first = shouhu_annex1_load (store, "2020-02-07", &error);
  *second = shouhu_annex1_load (store, "2020-02-14", &error);
  g_assert_no_error (error);
}

/* The typed text is shown as typed, and each date keeps its own. */
static void
test_text_per_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Draft) draft = shouhu_annex1_draft_new ();
  g_autoptr(ShouhuAnnex1Table) first = NULL;
  g_autoptr(ShouhuAnnex1Table) second = NULL;

  two_dates (store, &first, &second);

  g_assert_true (shouhu_annex1_draft_type (draft, store, first, 4, 1, SHOUHU_ANNEX1_TOTAL, " 30", &error));
  g_assert_true (shouhu_annex1_draft_type (draft, store, second, 5, 2, SHOUHU_ANNEX1_HUBEI, "99", &error));
  g_assert_cmpstr (shouhu_annex1_draft_get_text (draft, "2020-02-07", 4, 1, SHOUHU_ANNEX1_TOTAL), ==, " 30");
  g_assert_null (shouhu_annex1_draft_get_text (draft, "2020-02-07", 4, 1, SHOUHU_ANNEX1_HUBEI));
  g_assert_null (shouhu_annex1_draft_get_text (draft, "2020-02-14", 4, 1, SHOUHU_ANNEX1_TOTAL));
  g_assert_cmpstr (shouhu_annex1_draft_get_text (draft, "2020-02-14", 5, 2, SHOUHU_ANNEX1_HUBEI), ==, "99");
  g_assert_false (shouhu_annex1_draft_has_batch (draft, "2020-02-07", 2));
  g_assert_true (shouhu_annex1_draft_has_batch (draft, "2020-02-14", 2));

  /* Leaving a row of one date checks nothing of the other. */
  shouhu_annex1_draft_leave_row (draft, "2020-02-07", 5);
  g_assert_cmpint (shouhu_annex1_draft_get_state (draft, second, 5, 2, NULL, NULL), ==,
                   SHOUHU_ANNEX1_PAIR_WAITING);
  shouhu_annex1_draft_leave_row (draft, "2020-02-14", 5);
  g_assert_cmpint (shouhu_annex1_draft_get_state (draft, second, 5, 2, NULL, NULL), ==,
                   SHOUHU_ANNEX1_PAIR_INVALID);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* Before the window closes: every pair that keeps the rule with the
 * table as stored now is stored (here another program lowered the other
 * half meanwhile), the others stay, refused, with their dates listed. */
static void
test_flush (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Draft) draft = shouhu_annex1_draft_new ();
  g_autoptr(ShouhuAnnex1Table) first = NULL;
  g_autoptr(ShouhuAnnex1Table) second = NULL;
  g_autoptr(GArray) refs = NULL;
  g_auto(GStrv) dates = NULL;

  two_dates (store, &first, &second);

  dates = shouhu_annex1_draft_dates (draft);
  g_assert_cmpuint (g_strv_length (dates), ==, 0);
  g_clear_pointer (&dates, g_strfreev);

  /* 渝中区 (60 / 44): 总人数 30 waits for its 支援湖北; 大渡口区 (5):
   * 支援湖北 999 is wrong however it is typed; then a date later. */
  g_assert_true (shouhu_annex1_draft_type (draft, store, first, 4, 1, SHOUHU_ANNEX1_TOTAL, "30", &error));
  g_assert_true (shouhu_annex1_draft_type (draft, store, first, 5, 1, SHOUHU_ANNEX1_HUBEI, "999", &error));
  g_assert_true (shouhu_annex1_draft_type (draft, store, second, 5, 2, SHOUHU_ANNEX1_HUBEI, "x", &error));
  dates = shouhu_annex1_draft_dates (draft);
  g_assert_cmpuint (g_strv_length (dates), ==, 2);
  g_assert_cmpstr (dates[0], ==, "2020-02-07");
  g_assert_cmpstr (dates[1], ==, "2020-02-14");

  g_assert_true (shouhu_annex1_set_pair (store, "2020-02-07", 4, 1, 60, 25, &error));
  g_clear_pointer (&first, shouhu_annex1_table_free);
  first = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_true (shouhu_annex1_draft_flush (draft, store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT total FROM annex1_figure f JOIN annex1_table t"
                                                 " ON t.id = f.table_id WHERE t.as_of = '2020-02-07'"
                                                 " AND district_id = 4 AND batch = 1"), ==, 30);
  refs = shouhu_annex1_draft_list (draft, "2020-02-07");
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpint (g_array_index (refs, ShouhuAnnex1PairRef, 0).district_id, ==, 5);
  g_assert_cmpint (shouhu_annex1_draft_get_state (draft, first, 5, 1, NULL, NULL), ==, SHOUHU_ANNEX1_PAIR_INVALID);
  /* The other date's pair is that date's flush's. */
  g_assert_true (shouhu_annex1_draft_has_batch (draft, "2020-02-14", 2));

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annex1-draft/cases", test_cases);
  g_test_add_func ("/annex1-draft/text-per-date", test_text_per_date);
  g_test_add_func ("/annex1-draft/flush", test_flush);
  return g_test_run ();
}

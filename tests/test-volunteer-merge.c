/* test-volunteer-merge.c — taking back a merge of two volunteers' records,
 * and the adding of a volunteer
 *
 * An undone merge puts everything back as it was: the removed record
 * with its id and values, its pairings with their role and day, its
 * links in the service ledger, the kept record's values.  It is refused,
 * changing nothing, when something it would undo was changed since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-ledger.h"
#include "shouhu-pairing.h"
#include "shouhu-purge.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"

#include <string.h>

typedef struct
{
  ShouhuStore *store;
  int          district;
  gint64       a, b;           /* two records of 李明; a stays */
  gint64       w1, w2, w3;     /* w1 guarded by a, w2 by b (for a need), w3 by both */
  gint64       s_b, s_both;    /* services: by b, by both */
  char        *a_before;       /* stamps before the merge */
  char        *b_before;
  char        *b_created;
} Fixture;

static char *
stamp_of (ShouhuStore *store,
          gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (store, id, &error);

  g_assert_no_error (error);
  return shouhu_volunteer_stamp (v);
}

static gint64
add_service (ShouhuStore *store,
             gint64       worker,
             gint64       first,
             gint64       second)
{
  g_autoptr(ShouhuService) s = shouhu_service_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->worker_id = worker;
  shouhu_service_add_volunteer (s, first);
  if (second != 0)
    shouhu_service_add_volunteer (s, second);
  g_free (s->day);
  s->day = g_strdup ("2020-02-10");
  s->kind = SHOUHU_SERVICE_GREETING;
  s->minutes = 15;
  id = shouhu_ledger_save (store, s, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_field (ShouhuStore          *store,
           gint64                id,
           ShouhuVolunteerField  field,
           const char           *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (store, id, &error);

  g_assert_no_error (error);
  g_assert_true (shouhu_volunteer_set_field (v, field, text, &error));
  g_assert_cmpint (shouhu_annex2_save_volunteer (store, v, &error), ==, id);
  g_assert_no_error (error);
}

static gint64
pairing_role (ShouhuStore *store,
              gint64       worker,
              gint64       volunteer)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT role FROM pairing WHERE worker_id = %"
                                          G_GINT64_FORMAT " AND volunteer_id = %" G_GINT64_FORMAT "), -1)",
                                          worker, volunteer);

  return shouhu_test_query_int (store, sql);
}

static gint64
service_has (ShouhuStore *store,
             gint64       service,
             gint64       volunteer)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM service_volunteer WHERE service_id = %"
                                          G_GINT64_FORMAT " AND volunteer_id = %" G_GINT64_FORMAT,
                                          service, volunteer);

  return shouhu_test_query_int (store, sql);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteer) b = NULL;

  fx->store = shouhu_test_new_store (NULL);
  fx->district = shouhu_district_lookup ("渝中区")->id;
  fx->w1 = shouhu_test_annex2_add_family (fx->store, fx->district, "张丽", "", "", "", 0);
  fx->w2 = shouhu_test_annex2_add_family (fx->store, fx->district, "王芳", "", "", "", SHOUHU_FAMILY_NEED_TUTORING);
  fx->w3 = shouhu_test_annex2_add_family (fx->store, fx->district, "赵敏", "", "", "", 0);
  fx->a = shouhu_test_annex2_add_volunteer (fx->store, fx->district, "李明", "七星岗街道", "华一坡社区", 0,
                                            "2020-06-30");
  fx->b = shouhu_test_annex2_add_volunteer (fx->store, fx->district, "李明", "解放碑街道", "民生路社区",
                                            SHOUHU_SKILL_TUTORING, "2020-12-31");
  set_field (fx->store, fx->a, SHOUHU_VOLUNTEER_FIELD_NOTE, "社区推荐");
  set_field (fx->store, fx->b, SHOUHU_VOLUNTEER_FIELD_POLICY_NO, "P-2");
  g_assert_true (shouhu_pairing_pair (fx->store, fx->w1, fx->a, SHOUHU_PAIRING_BASIC, &error));
  g_assert_true (shouhu_pairing_pair (fx->store, fx->w2, fx->b, SHOUHU_FAMILY_NEED_TUTORING, &error));
  g_assert_true (shouhu_pairing_pair (fx->store, fx->w3, fx->a, SHOUHU_PAIRING_BASIC, &error));
  g_assert_true (shouhu_pairing_pair (fx->store, fx->w3, fx->b, SHOUHU_PAIRING_BASIC, &error));
  g_assert_no_error (error);
  fx->s_b = add_service (fx->store, fx->w2, fx->b, 0);
  fx->s_both = add_service (fx->store, fx->w3, fx->a, fx->b);
  fx->a_before = stamp_of (fx->store, fx->a);
  fx->b_before = stamp_of (fx->store, fx->b);
  b = shouhu_annex2_get_volunteer (fx->store, fx->b, &error);
  fx->b_created = g_strdup (b->created);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  g_free (fx->a_before);
  g_free (fx->b_before);
  g_free (fx->b_created);
}

static gint64
merge (Fixture *fx,
       gint64   keep,
       gint64   other)
{
  g_autoptr(GError) error = NULL;
  gint64 merge_id = 0;

  g_assert_true (shouhu_annex2_merge_volunteers (fx->store, keep, other, &merge_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (merge_id, >, 0);
  return merge_id;
}

static gboolean
history_has (ShouhuStore *store,
             const char  *entity,
             gint64       id,
             const char  *action,
             const char  *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = shouhu_annex2_history (store, entity, id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      ShouhuHistoryEntry *e = history->pdata[i];

      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Everything the merge moved goes back. */
static void
test_undo (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteer) b = NULL;
  g_autofree char *a_now = NULL;
  g_autofree char *b_now = NULL;
  gint64 merge_id = merge (fx, fx->a, fx->b);
  gint64 back = 0;

  /* What the merge did, for the undo to take back. */
  g_assert_cmpint (pairing_role (fx->store, fx->w2, fx->a), ==, SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_cmpint (service_has (fx->store, fx->s_b, fx->a), ==, 1);

  g_assert_true (shouhu_annex2_undo_merge (fx->store, merge_id, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, fx->b);

  /* Both records as they were, b with its day of creation. */
  a_now = stamp_of (fx->store, fx->a);
  b_now = stamp_of (fx->store, fx->b);
  g_assert_cmpstr (a_now, ==, fx->a_before);
  g_assert_cmpstr (b_now, ==, fx->b_before);
  b = shouhu_annex2_get_volunteer (fx->store, fx->b, &error);
  g_assert_cmpstr (b->created, ==, fx->b_created);
  g_assert_cmpstr (b->policy_no, ==, "P-2");

  /* The pairings, each with its role. */
  g_assert_cmpint (pairing_role (fx->store, fx->w1, fx->a), ==, SHOUHU_PAIRING_BASIC);
  g_assert_cmpint (pairing_role (fx->store, fx->w1, fx->b), ==, -1);
  g_assert_cmpint (pairing_role (fx->store, fx->w2, fx->a), ==, -1);
  g_assert_cmpint (pairing_role (fx->store, fx->w2, fx->b), ==, SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_cmpint (pairing_role (fx->store, fx->w3, fx->a), ==, SHOUHU_PAIRING_BASIC);
  g_assert_cmpint (pairing_role (fx->store, fx->w3, fx->b), ==, SHOUHU_PAIRING_BASIC);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM pairing"), ==, 4);

  /* The ledger's links. */
  g_assert_cmpint (service_has (fx->store, fx->s_b, fx->b), ==, 1);
  g_assert_cmpint (service_has (fx->store, fx->s_b, fx->a), ==, 0);
  g_assert_cmpint (service_has (fx->store, fx->s_both, fx->a), ==, 1);
  g_assert_cmpint (service_has (fx->store, fx->s_both, fx->b), ==, 1);

  /* The history says so; the merge's own record is gone. */
  g_assert_true (history_has (fx->store, "volunteer", fx->b, "unmerge", NULL));
  g_assert_true (history_has (fx->store, "volunteer", fx->a, "unmerge", NULL));
  g_assert_true (history_has (fx->store, "volunteer", fx->a, "edit", "policy_no"));
  g_assert_true (history_has (fx->store, "worker", fx->w2, "pair", "volunteer"));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer_merge"), ==, 0);

  /* Once only. */
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
}

/* Nothing was undone: b is still merged into a. */
static void
assert_still_merged (Fixture *fx)
{
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer_merge"), ==, 1);
}

static void
test_refused_kept_changed (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 merge_id = merge (fx, fx->a, fx->b);

  set_field (fx->store, fx->a, SHOUHU_VOLUNTEER_FIELD_PHONE, "13812345678");
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "李明"));
  assert_still_merged (fx);
}

static void
test_refused_pairing_changed (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 merge_id = merge (fx, fx->a, fx->b);

  /* The pairing the merge moved now serves another need. */
  g_assert_true (shouhu_pairing_pair (fx->store, fx->w2, fx->a, SHOUHU_FAMILY_NEED_SUPPLIES, &error));
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "王芳"));
  assert_still_merged (fx);
  g_clear_error (&error);

  /* Unpaired: refused all the same. */
  g_assert_true (shouhu_annex2_unpair (fx->store, fx->w2, fx->a, &error));
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  assert_still_merged (fx);
}

static void
test_refused_service_changed (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuService) deleted = NULL;
  gint64 merge_id = merge (fx, fx->a, fx->b);

  deleted = shouhu_ledger_delete (fx->store, fx->s_b, &error);
  g_assert_no_error (error);
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "李明"));
  assert_still_merged (fx);
}

/* Merged again since: the later merge is undone first. */
static void
test_merged_again (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 c = shouhu_test_annex2_add_volunteer (fx->store, fx->district, "李明", "", "", 0, NULL);
  gint64 first = merge (fx, fx->a, fx->b);
  gint64 second = merge (fx, fx->a, c);
  g_autofree char *a_now = NULL;

  g_assert_false (shouhu_annex2_undo_merge (fx->store, first, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (shouhu_annex2_undo_merge (fx->store, second, NULL, &error));
  g_assert_true (shouhu_annex2_undo_merge (fx->store, first, NULL, &error));
  g_assert_no_error (error);
  a_now = stamp_of (fx->store, fx->a);
  g_assert_cmpstr (a_now, ==, fx->a_before);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer"), ==, 3);
}

/* A new volunteer is taken back while nothing names it. */
static void
test_remove_new (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shouhu_test_annex2_add_volunteer (fx->store, fx->district, "陈刚", "", "", 0, NULL);
  g_autofree char *stamp = stamp_of (fx->store, id);
  g_autofree char *changed = NULL;

  /* Changed since: refused. */
  set_field (fx->store, id, SHOUHU_VOLUNTEER_FIELD_NOTE, "夜班");
  g_assert_false (shouhu_annex2_remove_new_volunteer (fx->store, id, stamp, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Guarding a family: refused, saying so. */
  changed = stamp_of (fx->store, id);
  g_assert_true (shouhu_annex2_pair (fx->store, fx->w1, id, &error));
  g_assert_false (shouhu_annex2_remove_new_volunteer (fx->store, id, changed, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "family"));
  g_clear_error (&error);

  g_assert_true (shouhu_annex2_unpair (fx->store, fx->w1, id, &error));
  g_assert_true (shouhu_annex2_remove_new_volunteer (fx->store, id, changed, &error));
  g_assert_no_error (error);
  g_assert_null (shouhu_annex2_get_volunteer (fx->store, id, &error));
  g_clear_error (&error);
  g_assert_true (history_has (fx->store, "volunteer", id, "delete", NULL));
}

/* The merge's record repeats the people it merged: a purge of their
 * district erases it with them, and the merge can no longer be undone. */
static void
test_purged (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 merge_id = merge (fx, fx->a, fx->b);

  g_assert_true (shouhu_purge_personal (fx->store, fx->district, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer_merge"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer_merge_pairing"), ==, 0);
  g_assert_false (shouhu_annex2_undo_merge (fx->store, merge_id, NULL, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add ("/volunteer-merge/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/volunteer-merge/refused-kept-changed", Fixture, NULL, fixture_set_up, test_refused_kept_changed,
              fixture_tear_down);
  g_test_add ("/volunteer-merge/refused-pairing-changed", Fixture, NULL, fixture_set_up,
              test_refused_pairing_changed, fixture_tear_down);
  g_test_add ("/volunteer-merge/refused-service-changed", Fixture, NULL, fixture_set_up,
              test_refused_service_changed, fixture_tear_down);
  g_test_add ("/volunteer-merge/merged-again", Fixture, NULL, fixture_set_up, test_merged_again, fixture_tear_down);
  g_test_add ("/volunteer-merge/purged", Fixture, NULL, fixture_set_up, test_purged, fixture_tear_down);
  g_test_add ("/volunteer-merge/remove-new", Fixture, NULL, fixture_set_up, test_remove_new, fixture_tear_down);
  return g_test_run ();
}

/* test-pairing.c — "1+N" pairing: needs, the worklist, suggestions by
 * place and load, the district proposal with its cap, apply and undo,
 * the 需求 column of the import and the command line
 *
 * Places are real ones of 渝中区 in the shipped gazetteer: 七星岗街道
 * (华一坡社区, 临华路社区) and 解放碑街道 (民生路社区).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-export.h"
#include "shouhu-figures.h"
#include "shouhu-import.h"
#include "shouhu-ledger.h"
#include "shouhu-pairing.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

#include <string.h>

#define DAY "2020-02-10"
#define HOME "重庆市渝中区七星岗街道华一坡社区中山一路1号"

static char *tmp_dir;
static int yuzhong;

static gint64
add_worker (ShouhuStore *store,
            const char  *name,
            const char  *address,
            const char  *work_place,
            const char  *note,
            int          needs)
{
  return shouhu_test_annex2_add_family (store, yuzhong, name, address, work_place, note, (guint) needs);
}

static gint64
add_volunteer (ShouhuStore *store,
               const char  *name,
               const char  *town,
               const char  *village,
               guint        skills,
               gboolean     ready)
{
  return shouhu_test_annex2_add_volunteer (store, yuzhong, name, town, village, skills,
                                           ready ? "2020-12-31" : NULL);
}

static void
pair (ShouhuStore *store,
      gint64       worker,
      gint64       volunteer,
      guint        role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_pairing_pair (store, worker, volunteer, role, &error));
  g_assert_no_error (error);
}

static GPtrArray *
suggest (ShouhuStore *store,
         gint64       worker,
         guint        role)
{
  g_autoptr(ShouhuPairingIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  index = shouhu_pairing_index_new (store, NULL, yuzhong, DAY, &error);
  g_assert_no_error (error);
  list = shouhu_pairing_index_suggest (index, store, worker, role, 0, &error);
  g_assert_no_error (error);
  return list;
}

static gint64
suggested (GPtrArray *list,
           guint      i)
{
  g_assert_cmpuint (i, <, list->len);
  return ((ShouhuSuggestion *) g_ptr_array_index (list, i))->volunteer_id;
}

static void
test_needs_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint needs = 99;

  g_assert_true (shouhu_family_needs_parse ("买菜/接送、辅导", &needs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_SUPPLIES | SHOUHU_FAMILY_NEED_TRANSPORT |
                               SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_true (shouhu_family_needs_parse (" 照料老人小孩，心理疏导 ", &needs, &error));
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_ELDERLY | SHOUHU_FAMILY_NEED_CHILDREN |
                               SHOUHU_FAMILY_NEED_COUNSELLING);
  g_assert_true (shouhu_family_needs_parse ("物资 其他", &needs, &error));
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_SUPPLIES | SHOUHU_FAMILY_NEED_OTHER);
  g_assert_true (shouhu_family_needs_parse ("无", &needs, &error));
  g_assert_cmpuint (needs, ==, 0);
  g_assert_true (shouhu_family_needs_parse ("", &needs, &error));
  g_assert_cmpuint (needs, ==, 0);
  g_assert_false (shouhu_family_needs_parse ("学业辅导、打麻将", &needs, &error));
  g_assert_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "打麻将"));

  text = shouhu_family_needs_text (SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_ELDERLY);
  g_assert_cmpstr (text, ==, "照料老人、学业辅导");
  g_assert_cmpuint (shouhu_family_need_skill (SHOUHU_FAMILY_NEED_CHILDREN), ==, SHOUHU_SKILL_CARE);
  g_assert_cmpuint (shouhu_family_need_skill (SHOUHU_FAMILY_NEED_COUNSELLING), ==, SHOUHU_SKILL_MEDICAL);
  g_assert_cmpint (shouhu_family_need_reach (SHOUHU_FAMILY_NEED_SUPPLIES), ==, SHOUHU_NEARNESS_TOWN);
  g_assert_cmpint (shouhu_family_need_reach (SHOUHU_FAMILY_NEED_TUTORING), ==, SHOUHU_NEARNESS_DISTRICT);
  g_assert_cmpstr (shouhu_pairing_role_name (SHOUHU_PAIRING_BASIC), ==, "保底");
  g_assert_false (shouhu_pairing_role_is_valid (SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_OTHER));
  g_assert_true (shouhu_pairing_worker_is_hubei ("", "援鄂医疗队第三批"));
  g_assert_true (shouhu_pairing_worker_is_hubei ("武汉金银潭医院", ""));
  g_assert_false (shouhu_pairing_worker_is_hubei ("重庆市公共卫生医疗救治中心", "发热门诊"));
}

/* Needs are kept with history; a save that does not say them keeps them;
 * a pairing made the old way is 保底. */
static void
test_needs_stored (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) w = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id = add_worker (store, "甲", HOME, "", "", SHOUHU_FAMILY_NEED_TUTORING);
  gint64 v = add_volunteer (store, "志愿者", "七星岗街道", "华一坡社区", 0, TRUE);
  gboolean found = FALSE;
  guint needs;

  g_assert_true (shouhu_pairing_get_needs (store, id, &needs, &error));
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_true (shouhu_pairing_set_needs (store, id, SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_SUPPLIES,
                                           &error));
  g_assert_no_error (error);

  w = shouhu_annex2_get_worker (store, id, &error);
  g_assert_cmpint (w->needs, ==, SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_SUPPLIES);
  w->needs = SHOUHU_WORKER_NEEDS_UNKNOWN;
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_TITLE, "护士长");
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, id);
  g_assert_true (shouhu_pairing_get_needs (store, id, &needs, &error));
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_SUPPLIES);

  history = shouhu_annex2_history (store, "worker", id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      ShouhuHistoryEntry *e = g_ptr_array_index (history, i);

      if (g_strcmp0 (e->field, "needs") == 0 && g_strcmp0 (e->action, "edit") == 0)
        {
          g_assert_cmpstr (e->old_value, ==, "学业辅导");
          g_assert_cmpstr (e->new_value, ==, "学业辅导、生活物资");
          found = TRUE;
        }
    }
  g_assert_true (found);

  g_assert_true (shouhu_annex2_pair (store, id, v, &error));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT role FROM pairing"), ==, SHOUHU_PAIRING_BASIC);
  g_assert_false (shouhu_pairing_set_needs (store, id, 1u << 9, &error));
  g_assert_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID);
}

/* Same community, then same street, then the district; within each, the
 * fewest families first, then the lowest id.  Volunteers not ready and
 * those already paired with the family are left out. */
static void
test_ranking (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) list = NULL;
  gint64 family = add_worker (store, "甲", HOME, "", "", 0);
  gint64 other = add_worker (store, "乙", "渝中区解放碑街道民生路社区1号", "", "", 0);
  gint64 busy = add_volunteer (store, "同社区已守护", "七星岗街道", "华一坡社区", 0, TRUE);
  gint64 street = add_volunteer (store, "同街道", "七星岗", "临华路社区", 0, TRUE);
  gint64 low = add_volunteer (store, "同社区甲", "七星岗街道", "华一坡", 0, TRUE);
  gint64 district = add_volunteer (store, "同区", "解放碑街道", "", 0, TRUE);
  gint64 not_ready = add_volunteer (store, "未上岗", "七星岗街道", "华一坡社区", 0, FALSE);
  gint64 high = add_volunteer (store, "同社区乙", "", "华一坡社区", 0, TRUE);
  gint64 unknown = add_volunteer (store, "地址不详", "某某街道", "", 0, TRUE);
  ShouhuSuggestion *first;

  pair (store, other, busy, SHOUHU_PAIRING_BASIC);
  list = suggest (store, family, SHOUHU_PAIRING_BASIC);
  g_assert_cmpuint (list->len, ==, 6);
  g_assert_cmpint (suggested (list, 0), ==, low);
  g_assert_cmpint (suggested (list, 1), ==, high);
  g_assert_cmpint (suggested (list, 2), ==, busy);
  g_assert_cmpint (suggested (list, 3), ==, street);
  g_assert_cmpint (suggested (list, 4), ==, district);
  g_assert_cmpint (suggested (list, 5), ==, unknown);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpint (first->nearness, ==, SHOUHU_NEARNESS_VILLAGE);
  g_assert_cmpuint (first->load, ==, 0);
  g_assert_cmpstr (first->reason, ==, "Same community · guards 0 families · Basic Guardian");
  g_assert_cmpstr (((ShouhuSuggestion *) g_ptr_array_index (list, 2))->reason, ==,
                   "Same community · guards 1 family · Basic Guardian");
  g_assert_cmpint (((ShouhuSuggestion *) g_ptr_array_index (list, 3))->nearness, ==, SHOUHU_NEARNESS_TOWN);
  g_assert_cmpint (((ShouhuSuggestion *) g_ptr_array_index (list, 4))->nearness, ==, SHOUHU_NEARNESS_DISTRICT);
  (void) not_ready;

  /* Paired now: no longer suggested, and the others move up. */
  pair (store, family, low, SHOUHU_PAIRING_BASIC);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = suggest (store, family, SHOUHU_PAIRING_BASIC);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (suggested (list, 0), ==, high);
}

/* The 保底 guardian lives next door; the tutor the family needs lives in
 * another street of the district and is suggested for 学业辅导 all the
 * same, while shopping must stay within the street. */
static void
test_need_from_farther (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) basic = NULL;
  g_autoptr(GPtrArray) tutoring = NULL;
  g_autoptr(GPtrArray) supplies = NULL;
  g_autoptr(GPtrArray) unmet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 family = add_worker (store, "甲", HOME, "", "",
                              SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_SUPPLIES);
  gint64 neighbour = add_volunteer (store, "邻居", "七星岗街道", "华一坡社区", SHOUHU_SKILL_CARE, TRUE);
  gint64 tutor = add_volunteer (store, "老师", "解放碑街道", "民生路社区", SHOUHU_SKILL_TUTORING, TRUE);
  gint64 shopper = add_volunteer (store, "采买", "解放碑街道", "民生路社区", SHOUHU_SKILL_SUPPLIES, TRUE);
  ShouhuSuggestion *s;

  basic = suggest (store, family, SHOUHU_PAIRING_BASIC);
  g_assert_cmpint (suggested (basic, 0), ==, neighbour);
  tutoring = suggest (store, family, SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_cmpuint (tutoring->len, ==, 1);
  s = g_ptr_array_index (tutoring, 0);
  g_assert_cmpint (s->volunteer_id, ==, tutor);
  g_assert_cmpint (s->nearness, ==, SHOUHU_NEARNESS_DISTRICT);
  g_assert_cmpstr (s->reason, ==, "Same district · guards 0 families · Tutoring");
  supplies = suggest (store, family, SHOUHU_FAMILY_NEED_SUPPLIES);
  g_assert_cmpuint (supplies->len, ==, 0);
  (void) shopper;

  /* The district's proposal with the needs: the same two. */
  {
    g_autoptr(GPtrArray) proposals = shouhu_pairing_propose (store, NULL, yuzhong, DAY, 0, TRUE, &error);
    ShouhuProposal *p;

    g_assert_no_error (error);
    g_assert_cmpuint (proposals->len, ==, 2);
    p = g_ptr_array_index (proposals, 0);
    g_assert_cmpint (p->volunteer_id, ==, neighbour);
    g_assert_cmpuint (p->role, ==, SHOUHU_PAIRING_BASIC);
    p = g_ptr_array_index (proposals, 1);
    g_assert_cmpint (p->volunteer_id, ==, tutor);
    g_assert_cmpuint (p->role, ==, SHOUHU_FAMILY_NEED_TUTORING);
    g_assert_cmpint (p->nearness, ==, SHOUHU_NEARNESS_DISTRICT);
  }

  pair (store, family, neighbour, SHOUHU_PAIRING_BASIC);
  pair (store, family, tutor, SHOUHU_FAMILY_NEED_TUTORING);
  unmet = shouhu_pairing_unmet_needs (store, yuzhong, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmet->len, ==, 1);
  g_assert_cmpuint (((ShouhuWorklistItem *) g_ptr_array_index (unmet, 0))->unmet, ==,
                    SHOUHU_FAMILY_NEED_SUPPLIES);

  {
    g_autoptr(ShouhuFigures) figures = shouhu_figures_compute_full (store, NULL, DAY, 7, &error);
    const ShouhuDistrictFigures *f;

    g_assert_no_error (error);
    f = &figures->districts[yuzhong - 1];
    g_assert_cmpint (f->basic_guarded, ==, 1);
    g_assert_cmpint (f->needs_registered, ==, 2);
    g_assert_cmpint (f->needs_met, ==, 1);
    g_assert_cmpint (figures->city.needs_registered, ==, 2);
  }
}

/* 支援湖北 first, then the longest waiting; guarded families are not on
 * it, families whose guardian is not ready yet are. */
static void
test_worklist_order (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 late = add_worker (store, "晚登记", HOME, "", "", 0);
  gint64 early = add_worker (store, "早登记", HOME, "", "", 0);
  gint64 hubei_note = add_worker (store, "援鄂", HOME, "", "援鄂医疗队", 0);
  gint64 hubei_place = add_worker (store, "武汉", HOME, "武汉协和医院", "", 0);
  gint64 guarded = add_worker (store, "已守护", HOME, "", "", 0);
  gint64 waiting = add_worker (store, "待上岗", HOME, "", "", 0);
  gint64 need_only = add_worker (store, "仅需求", HOME, "", "", SHOUHU_FAMILY_NEED_TUTORING);
  gint64 ready = add_volunteer (store, "可上岗", "七星岗街道", "华一坡社区", SHOUHU_SKILL_TUTORING, TRUE);
  gint64 not_ready = add_volunteer (store, "未上岗", "七星岗街道", "华一坡社区", 0, FALSE);
  const gint64 expected[] = { hubei_place, hubei_note, early, waiting, need_only, late };

  g_assert_true (shouhu_store_exec (store, "UPDATE worker SET created = '2020-02-09T08:00:00' WHERE name = '晚登记';"
                                           "UPDATE worker SET created = '2020-02-08T08:00:00' WHERE name <> '晚登记';"
                                           "UPDATE worker SET created = '2020-02-07T08:00:00' WHERE name = '武汉';",
                                    &error));
  pair (store, guarded, ready, SHOUHU_PAIRING_BASIC);
  pair (store, waiting, not_ready, SHOUHU_PAIRING_BASIC);
  pair (store, need_only, ready, SHOUHU_FAMILY_NEED_TUTORING);

  list = shouhu_pairing_worklist (store, yuzhong, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((ShouhuWorklistItem *) g_ptr_array_index (list, i))->worker_id, ==, expected[i]);
  g_assert_true (((ShouhuWorklistItem *) g_ptr_array_index (list, 0))->hubei);
  g_assert_false (((ShouhuWorklistItem *) g_ptr_array_index (list, 2))->hubei);
  g_assert_cmpuint (((ShouhuWorklistItem *) g_ptr_array_index (list, 3))->basic_waiting, ==, 1);
  g_assert_cmpuint (((ShouhuWorklistItem *) g_ptr_array_index (list, 4))->unmet, ==, 0);
  (void) late;
}

static char *
count_pairs (ShouhuStore *store)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " pairs, roles %" G_GINT64_FORMAT,
                          shouhu_test_query_int (store, "SELECT count(*) FROM pairing"),
                          shouhu_test_query_int (store, "SELECT total(role * volunteer_id) FROM pairing"));
}

/* No volunteer takes more families than the cap, nearest first; the
 * preview writes nothing; apply stores all at once (an edited row too),
 * undo puts back what was there, a changed role included. */
static void
test_propose_cap_apply_undo (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) worklist = NULL;
  g_autoptr(ShouhuPairingBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after_preview = NULL, *after_undo = NULL;
  gint64 history_before, families[5], a, b, tutor;
  ShouhuProposal edited = { 0 };
  const struct { int family; gint64 *volunteer; } expected[] = {
    { 1, &b },       /* a is paired with family 1 already (for a need) */
    { 2, &a },       /* a reaches the cap of 2 */
    { 3, &b },       /* b too */
    { 4, &tutor },   /* nobody left in the street: the district */
  };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autofree char *name = g_strdup_printf ("家庭%u", i);

      families[i] = add_worker (store, name, HOME, "", "", 0);
    }
  a = add_volunteer (store, "甲", "七星岗街道", "华一坡社区", 0, TRUE);
  b = add_volunteer (store, "乙", "七星岗街道", "临华路社区", 0, TRUE);
  tutor = add_volunteer (store, "老师", "解放碑街道", "", SHOUHU_SKILL_TUTORING, TRUE);
  pair (store, families[0], tutor, SHOUHU_PAIRING_BASIC);
  pair (store, families[1], a, SHOUHU_FAMILY_NEED_OTHER);

  before = count_pairs (store);
  history_before = shouhu_test_query_int (store, "SELECT count(*) FROM history");
  proposals = shouhu_pairing_propose (store, NULL, yuzhong, DAY, 2, TRUE, &error);
  g_assert_no_error (error);
  after_preview = count_pairs (store);
  g_assert_cmpstr (before, ==, after_preview);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history"), ==, history_before);

  g_assert_cmpuint (proposals->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < proposals->len; i++)
    {
      ShouhuProposal *p = g_ptr_array_index (proposals, i);

      g_test_message ("%s ← %s: %s", p->worker_name, p->volunteer_name, p->reason);
      g_assert_cmpint (p->worker_id, ==, families[expected[i].family]);
      g_assert_cmpint (p->volunteer_id, ==, *expected[i].volunteer);
      g_assert_cmpuint (p->role, ==, SHOUHU_PAIRING_BASIC);
      g_assert_cmpuint (p->load, <=, 2);
    }
  g_assert_cmpstr (((ShouhuProposal *) g_ptr_array_index (proposals, 1))->reason, ==,
                   "Same community · guards 1 family · Basic Guardian");

  /* The user edits the list: family 1's pairing with a becomes 照料老人. */
  edited.worker_id = families[1];
  edited.volunteer_id = a;
  edited.role = SHOUHU_FAMILY_NEED_ELDERLY;
  g_ptr_array_add (proposals, shouhu_proposal_copy (&edited));

  batch = shouhu_pairing_apply (store, proposals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_pairing_batch_get_n_pairs (batch), ==, proposals->len);
  worklist = shouhu_pairing_worklist (store, yuzhong, DAY, &error);
  g_assert_cmpuint (worklist->len, ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT max(n) FROM (SELECT count(*) AS n FROM pairing "
                                                 "GROUP BY volunteer_id)"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT role FROM pairing WHERE volunteer_id = 1 "
                                                 "AND worker_id = 2"), ==, SHOUHU_FAMILY_NEED_ELDERLY);

  g_assert_true (shouhu_pairing_undo (store, batch, &error));
  g_assert_no_error (error);
  g_clear_pointer (&worklist, g_ptr_array_unref);
  worklist = shouhu_pairing_worklist (store, yuzhong, DAY, &error);
  g_assert_cmpuint (worklist->len, ==, 4);
  after_undo = count_pairs (store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Two volunteers, seven families, the default cap of three: three
 * each, in turn, and the seventh family waits. */
static void
test_propose_balanced (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) capped = NULL;
  g_autoptr(GError) error = NULL;
  guint first = 0;
  gint64 a;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("家庭%u", i);

      add_worker (store, name, HOME, "", "", 0);
    }
  a = add_volunteer (store, "甲", "七星岗街道", "华一坡社区", 0, TRUE);
  add_volunteer (store, "乙", "七星岗街道", "华一坡社区", 0, TRUE);

  proposals = shouhu_pairing_propose (store, NULL, yuzhong, DAY, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 2 * SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER);
  for (guint i = 0; i < proposals->len; i++)
    if (((ShouhuProposal *) g_ptr_array_index (proposals, i))->volunteer_id == a)
      first++;
  g_assert_cmpuint (first, ==, 3);
  /* Alternating: the first two families go one to each. */
  g_assert_cmpint (((ShouhuProposal *) g_ptr_array_index (proposals, 0))->volunteer_id, ==, a);
  g_assert_cmpint (((ShouhuProposal *) g_ptr_array_index (proposals, 1))->volunteer_id, !=, a);

  capped = shouhu_pairing_propose (store, NULL, yuzhong, DAY, 1, FALSE, &error);
  g_assert_cmpuint (capped->len, ==, 2);
}

/* An Annex 2 sheet of 渝中区 with @heads_py and @rows_py (Python lists). */
static char *
make_sheet (const char *file_name,
            const char *heads_py,
            const char *rows_py)
{
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autofree char *q_path = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '渝中'\n"
    "ws['A1'] = '区县：渝中区'\n"
    "for c, h in enumerate(%s): ws.cell(2, 1 + c, h)\n"
    "for r, row in enumerate(%s):\n"
    "    for c, v in enumerate(row): ws.cell(3 + r, 1 + c, v)\n"
    "wb.save(%s)\n", heads_py, rows_py, q_path);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

static ShouhuImport *
preview (ShouhuStore *store,
         const char  *path)
{
  return shouhu_test_import_preview (store, path);
}

/* 需求 is read as people write it; a sheet without it keeps the needs;
 * the official export has no 需求 column. */
static void
test_import_needs (void)
{
  g_autofree char *path = make_sheet ("needs.xlsx", "['序号', '医院', '姓名', '性别', '本人联系电话', '家庭需求']",
                                      "[[1, '市一院', '甲', '女', '13800000001', '买菜/接送'],"
                                      " [2, '市一院', '乙', '男', '13800000002', '辅导、心理'],"
                                      " [3, '市一院', '丙', '女', '13800000003', '']]");
  g_autofree char *plain = make_sheet ("plain.xlsx", "['序号', '医院', '姓名', '性别', '本人联系电话', '备注']",
                                       "[[1, '市一院', '甲', '女', '13800000001', '复核']]");
  g_autofree char *exported = g_build_filename (tmp_dir, "exported.xlsx", NULL);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  const char *files[] = { path, plain };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(ShouhuImport) import = preview (store, files[i]);

      g_assert_cmpuint (import->annex2->rejected->len, ==, 0);
      g_assert_true (shouhu_import_write (store, import, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT needs FROM worker WHERE name = '甲'"), ==,
                   SHOUHU_FAMILY_NEED_SUPPLIES | SHOUHU_FAMILY_NEED_TRANSPORT);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT needs FROM worker WHERE name = '乙'"), ==,
                   SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_COUNSELLING);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT needs FROM worker WHERE name = '丙'"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE field = 'needs' "
                                                 "AND new_value = '生活物资、交通出行'"), ==, 1);

  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, exported, &error));
  g_assert_no_error (error);
  dump = shouhu_test_read_xlsx ("xlsx-dump.py", exported);
  g_assert_nonnull (strstr (dump, "结对志愿者"));
  g_assert_null (strstr (dump, "需求"));
  g_assert_null (strstr (dump, "生活物资"));
}

/* An unknown word in 需求 rejects the row, naming it. */
static void
test_import_needs_rejected (void)
{
  g_autofree char *path = make_sheet ("bad-needs.xlsx", "['序号', '医院', '姓名', '性别', '本人联系电话', '需求']",
                                      "[[1, '市一院', '甲', '女', '13800000001', '遛狗']]");
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = preview (store, path);

  g_assert_cmpuint (import->annex2->rejected->len, ==, 1);
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, 0))->reason,
                            "遛狗"));
}

/* The command line previews without writing, stores with --apply, and
 * no control character of a name reaches the terminal. */
static void
test_cli (void)
{
  g_autofree char *db_path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  const char *preview[] = { "--database", db_path, "--propose-pairings", "--district", "渝中区",
                            "--date", DAY, "--max-per-volunteer", "2", NULL };
  const char *apply[] = { "--database", db_path, "--propose-pairings", "--district", "渝中",
                          "--date", DAY, "--apply", NULL };
  const char *bad[] = { "--database", db_path, "--propose-pairings", "--district", "火星区", NULL };
  const char *env[] = { "LANGUAGE", "C", "LC_ALL", "C.UTF-8", NULL };

  add_worker (store, "甲\033[2J", HOME, "", "", 0);
  add_worker (store, "乙", HOME, "", "", 0);
  add_volunteer (store, "志愿者", "七星岗街道", "华一坡社区", 0, TRUE);

  g_assert_cmpint (shouhu_test_run_cli (preview, env, &out, &err), ==, 0);
  g_assert_null (strchr (out, '\033'));
  g_assert_nonnull (strstr (out, "Same community · guards 0 families · Basic Guardian"));
  g_assert_nonnull (strstr (out, "Same community · guards 1 family · Basic Guardian"));
  g_assert_nonnull (strstr (out, "Nothing was written"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 0);

  g_assert_cmpint (shouhu_test_run_cli (apply, env, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "Stored 2 pairings"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (shouhu_test_run_cli (bad, env, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "火星区"));
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    shouhu_test_rm_rf (dir);
  }
}

/* The worklist carries each family's last contact from the service ledger
 * (the latest day, not the latest entered), so that it can mark 需回访. */
static void
test_worklist_last_contact (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 called = add_worker (store, "已联系", HOME, "", "", 0);
  gint64 never = add_worker (store, "未联系", HOME, "", "", 0);
  gint64 helper = add_volunteer (store, "志愿者", "七星岗街道", "华一坡社区", 0, TRUE);
  const char *days[] = { "2020-02-12", "2020-02-10" };

  g_assert_true (shouhu_store_exec (store, "UPDATE worker SET created = '2020-02-08T08:00:00';", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(ShouhuService) s = shouhu_service_new ();

      s->worker_id = called;
      shouhu_service_add_volunteer (s, helper);
      g_free (s->day);
      s->day = g_strdup (days[i]);
      s->kind = SHOUHU_SERVICE_GREETING;
      s->minutes = 10;
      g_free (s->content);
      s->content = g_strdup ("电话问候");
      shouhu_ledger_save (store, s, &error);
      g_assert_no_error (error);
    }

  list = shouhu_pairing_worklist (store, yuzhong, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      const ShouhuWorklistItem *item = g_ptr_array_index (list, i);

      if (item->worker_id == called)
        g_assert_cmpstr (item->last_contact, ==, "2020-02-12");
      else
        {
          g_assert_cmpint (item->worker_id, ==, never);
          g_assert_null (item->last_contact);
        }
    }
  g_assert_true (shouhu_ledger_revisit_due (NULL, "2020-02-08", "2020-02-14", 3));
  g_assert_false (shouhu_ledger_revisit_due ("2020-02-12", "2020-02-08", "2020-02-14", 3));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  tmp_dir = shouhu_test_temp_dir ();
  yuzhong = shouhu_district_lookup ("渝中区")->id;

  shouhu_test_add ("/pairing/needs-words", test_needs_words);
  shouhu_test_add ("/pairing/needs-stored", test_needs_stored);
  shouhu_test_add ("/pairing/ranking", test_ranking);
  shouhu_test_add ("/pairing/need-from-farther", test_need_from_farther);
  shouhu_test_add ("/pairing/worklist-order", test_worklist_order);
  shouhu_test_add ("/pairing/worklist-last-contact", test_worklist_last_contact);
  shouhu_test_add ("/pairing/propose-cap-apply-undo", test_propose_cap_apply_undo);
  shouhu_test_add ("/pairing/propose-balanced", test_propose_balanced);
  shouhu_test_add_openpyxl ("/pairing/import-needs", test_import_needs);
  shouhu_test_add_openpyxl ("/pairing/import-needs-rejected", test_import_needs_rejected);
  shouhu_test_add ("/pairing/cli", test_cli);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

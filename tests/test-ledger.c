/* test-ledger.c — the service ledger: kinds, rules, history, lists, the contact rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-ledger.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"

#include <string.h>

typedef struct
{
  char        *path;
  ShouhuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->path);
  /* 11 workers recorded on 2020-02-08, 6 volunteers: see shouhu-test-annex2.c */
  shouhu_test_annex2_insert_set (fx->store);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);

  g_clear_object (&fx->store);
  shouhu_test_rm_rf (dir);
  g_free (fx->path);
}

static ShouhuService *
make_service (gint64             worker_id,
              gint64             volunteer_id,
              const char        *day,
              ShouhuServiceKind  kind,
              int                minutes)
{
  ShouhuService *s = shouhu_service_new ();

  s->worker_id = worker_id;
  shouhu_service_add_volunteer (s, volunteer_id);
  g_free (s->day);
  s->day = g_strdup (day);
  s->kind = kind;
  s->minutes = minutes;
  g_free (s->content);
  s->content = g_strdup ("  电话了解家中情况  ");
  return s;
}

static gint64
save (Fixture       *fx,
      ShouhuService *s)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shouhu_ledger_save (fx->store, s, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Kinds ------------------------------------------------------------------ */

static void
test_kinds_as_written (void)
{
  static const struct { const char *text; ShouhuServiceKind kind; } examples[] = {
    { "照料老人小孩", SHOUHU_SERVICE_CARE },
    { "照料老人、小孩", SHOUHU_SERVICE_CARE },
    { "照顾老人", SHOUHU_SERVICE_CARE },
    { "学业辅导", SHOUHU_SERVICE_TUTORING },
    { "辅导 学业", SHOUHU_SERVICE_TUTORING },
    { "视频辅导作业", SHOUHU_SERVICE_KIND_NONE },   /* words of two kinds */
    { "生活物资", SHOUHU_SERVICE_SUPPLIES },
    { "生活物资采买", SHOUHU_SERVICE_SUPPLIES },
    { "帮老人买菜", SHOUHU_SERVICE_SUPPLIES },      /* 买菜 alone is a word of a kind */
    { "代购药品", SHOUHU_SERVICE_SUPPLIES },
    { "交通出行", SHOUHU_SERVICE_TRANSPORT },
    { "接送上下班", SHOUHU_SERVICE_TRANSPORT },
    { "电话/视频问候", SHOUHU_SERVICE_GREETING },
    { "电话／视频问候", SHOUHU_SERVICE_GREETING },
    { "电话问候", SHOUHU_SERVICE_GREETING },
    { "视频问询", SHOUHU_SERVICE_GREETING },
    { "其他", SHOUHU_SERVICE_OTHER },
    { "其它", SHOUHU_SERVICE_OTHER },
    { "greeting", SHOUHU_SERVICE_GREETING },
    { "", SHOUHU_SERVICE_KIND_NONE },
    { "散步", SHOUHU_SERVICE_KIND_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      ShouhuServiceKind kind = shouhu_service_kind_parse (examples[i].text);

      if (kind != examples[i].kind)
        g_error ("“%s” was read as kind %d, not %d", examples[i].text, kind, examples[i].kind);
    }
}

/* Every kind has a key that reads back, a name of the notice, a label,
 * and is stored and read back as itself. */
static void
test_each_kind_stored (Fixture       *fx,
                       gconstpointer  data)
{
  static const char *const names[] = {
    "照料老人小孩", "学业辅导", "生活物资", "交通出行", "电话/视频问候", "其他",
  };

  for (ShouhuServiceKind kind = SHOUHU_SERVICE_CARE; kind <= SHOUHU_SERVICE_OTHER; kind++)
    {
      g_autoptr(ShouhuService) s = make_service (1, 1, "2020-02-10", kind, 20);
      g_autoptr(ShouhuService) got = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      g_assert_cmpint (shouhu_service_kind_from_key (shouhu_service_kind_key (kind)), ==, kind);
      g_assert_cmpstr (shouhu_service_kind_name (kind), ==, names[kind - 1]);
      g_assert_cmpint (shouhu_service_kind_parse (names[kind - 1]), ==, kind);
      g_assert_cmpstr (shouhu_service_kind_label (kind), !=, "");
      id = save (fx, s);
      got = shouhu_ledger_get (fx->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (got->kind, ==, kind);
    }
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (DISTINCT kind) FROM service"), ==,
                   SHOUHU_N_SERVICE_KINDS);
  g_assert_cmpint (shouhu_service_kind_from_key ("driving"), ==, SHOUHU_SERVICE_KIND_NONE);
}

/* Rules ------------------------------------------------------------------ */

static void
assert_rejected (Fixture            *fx,
                 ShouhuService      *s,
                 ShouhuServiceField  field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (shouhu_ledger_save (fx->store, s, &error), ==, 0);
  g_assert_error (error, SHOUHU_SERVICE_FIELD_ERROR, (int) field);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_rules (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *long_text = NULL;
  g_autoptr(ShouhuService) s = make_service (1, 1, "2020-02-10", SHOUHU_SERVICE_CARE, 30);

  s->worker_id = 0;
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_FAMILY);
  s->worker_id = 999;   /* no such worker */
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_FAMILY);
  s->worker_id = 1;

  g_array_set_size (s->volunteer_ids, 0);
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_VOLUNTEERS);
  shouhu_service_add_volunteer (s, 99);   /* no such volunteer */
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_VOLUNTEERS);
  g_array_set_size (s->volunteer_ids, 0);
  shouhu_service_add_volunteer (s, 1);

  g_free (s->day);
  s->day = g_strdup ("2020-02-30");
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_DAY);
  g_free (s->day);
  s->day = shouhu_ledger_add_days (today, 1);
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_DAY);
  g_free (s->day);
  s->day = g_strdup ("2020年2月10日");

  s->kind = SHOUHU_SERVICE_KIND_NONE;
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_KIND);
  s->kind = SHOUHU_SERVICE_CARE;

  s->minutes = 0;
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_MINUTES);
  s->minutes = SHOUHU_SERVICE_MAX_MINUTES + 1;
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_MINUTES);
  s->minutes = SHOUHU_SERVICE_MAX_MINUTES;

  long_text = g_strnfill (SHOUHU_SERVICE_MAX_TEXT + 1, 'x');
  g_free (s->need);
  s->need = g_strdup (long_text);
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_NEED);
  g_free (s->need);
  s->need = g_strdup ("");

  s->typical = TRUE;
  assert_rejected (fx, s, SHOUHU_SERVICE_FIELD_STORY);

  /* Nothing was stored by the rejected saves. */
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 0);

  /* Normalised: trimmed, the day as YYYY-MM-DD, "solved" needs a need,
   * a story only for a typical case. */
  s->typical = FALSE;
  g_free (s->story);
  s->story = g_strdup ("不是典型就不留");
  s->solved = TRUE;
  {
    g_autoptr(ShouhuService) got = NULL;
    g_autoptr(GError) error = NULL;
    gint64 id = save (fx, s);

    got = shouhu_ledger_get (fx->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (got->day, ==, "2020-02-10");
    g_assert_cmpstr (got->content, ==, "电话了解家中情况");
    g_assert_false (got->solved);
    g_assert_cmpstr (got->story, ==, "");
    g_assert_cmpint (got->minutes, ==, SHOUHU_SERVICE_MAX_MINUTES);
    g_assert_cmpstr (got->family_name, ==, "甲一");
    g_assert_cmpint (got->district_id, ==, 1);
    g_assert_cmpstr (got->volunteer_names, ==, "志愿者A");
  }
}

/* History, edit, delete and undo ------------------------------------------ */

static gboolean
has_history (GPtrArray  *entries,
             const char *action,
             const char *field,
             const char *old_value,
             const char *new_value)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const ShouhuHistoryEntry *e = entries->pdata[i];

      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->field, field) == 0 &&
          g_strcmp0 (e->old_value, old_value) == 0 && g_strcmp0 (e->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_edit_delete_restore (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(ShouhuService) s = make_service (6, 3, "2020-02-11", SHOUHU_SERVICE_SUPPLIES, 45);
  g_autoptr(ShouhuService) edited = NULL;
  g_autoptr(ShouhuService) deleted = NULL;
  g_autoptr(ShouhuService) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (s->need);
  s->need = g_strdup ("需要买降压药");
  id = save (fx, s);

  edited = shouhu_ledger_get (fx->store, id, &error);
  g_assert_no_error (error);
  edited->solved = TRUE;
  edited->minutes = 60;
  shouhu_service_add_volunteer (edited, 1);
  g_assert_cmpint (save (fx, edited), ==, id);
  /* Saving it unchanged writes no history. */
  g_assert_cmpint (save (fx, edited), ==, id);

  history = shouhu_annex2_history (fx->store, "service", id, &error);
  g_assert_no_error (error);
  g_assert_true (has_history (history, "create", NULL, NULL, "乙一"));
  g_assert_true (has_history (history, "create", "kind", NULL, "生活物资"));
  g_assert_true (has_history (history, "create", "need", NULL, "需要买降压药"));
  g_assert_true (has_history (history, "edit", "solved", "否", "是"));
  g_assert_true (has_history (history, "edit", "minutes", "45", "60"));
  g_assert_true (has_history (history, "edit", "volunteers", "志愿者C", "志愿者A、志愿者C"));
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM history WHERE entity = 'service' AND action = 'edit'"),
                   ==, 3);
  g_assert_cmpstr (shouhu_ledger_column_label ("solved"), ==, shouhu_service_field_label (SHOUHU_SERVICE_FIELD_SOLVED));

  deleted = shouhu_ledger_delete (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_null (shouhu_ledger_get (fx->store, id, &error));
  g_assert_error (error, SHOUHU_LEDGER_ERROR, SHOUHU_LEDGER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service_volunteer"), ==, 0);

  g_assert_true (shouhu_ledger_restore (fx->store, deleted, &error));
  g_assert_no_error (error);
  back = shouhu_ledger_get (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->volunteer_ids->len, ==, 2);
  g_assert_cmpint (back->minutes, ==, 60);
  g_assert_true (back->solved);
  g_assert_cmpstr (back->created, ==, deleted->created);

  g_clear_pointer (&history, g_ptr_array_unref);
  history = shouhu_annex2_history (fx->store, "service", id, &error);
  g_assert_true (has_history (history, "delete", "need", "需要买降压药", NULL));
  g_assert_true (has_history (history, "restore", "day", NULL, "2020-02-11"));
}

/* The ledger outlives an undone deletion of the worker's record. */
static void
test_worker_deleted_and_restored (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(ShouhuService) s = make_service (2, 1, "2020-02-12", SHOUHU_SERVICE_TUTORING, 90);
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ShouhuLedgerCounts counts;

  g_free (s->need);
  s->need = g_strdup ("孩子网课需要平板");
  save (fx, s);
  deleted = shouhu_annex2_delete_worker (fx->store, 2, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_ledger_count_districts (fx->store, "2020-02-13", 3, &counts, &error));
  g_assert_cmpint (counts.city_open_needs, ==, 0);

  g_assert_true (shouhu_annex2_restore_worker (fx->store, deleted, &error));
  g_assert_no_error (error);
  list = shouhu_ledger_family_services (fx->store, 2, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->len, ==, 1);
  g_assert_true (shouhu_ledger_count_districts (fx->store, "2020-02-13", 3, &counts, &error));
  g_assert_cmpint (counts.city_open_needs, ==, 1);
  g_assert_cmpint (counts.open_needs[0], ==, 1);
}

/* Lists ------------------------------------------------------------------ */

static void
test_lists (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) family = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) volunteer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  const char *const days[] = { "2020-02-10", "2020-02-14", "2020-02-12" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(ShouhuService) s = make_service (1, i == 1 ? 2 : 1, days[i], SHOUHU_SERVICE_GREETING, 10);

      if (i > 0)
        {
          g_free (s->need);
          s->need = g_strdup_printf ("需求%u", i);
          s->solved = i == 2;
        }
      save (fx, s);
    }
  {
    g_autoptr(ShouhuService) other = make_service (4, 2, "2020-02-13", SHOUHU_SERVICE_CARE, 10);
    save (fx, other);
  }

  family = shouhu_ledger_family_services (fx->store, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (family->len, ==, 3);
  /* Newest first. */
  g_assert_cmpstr (((ShouhuService *) family->pdata[0])->day, ==, "2020-02-14");
  g_assert_cmpstr (((ShouhuService *) family->pdata[2])->day, ==, "2020-02-10");

  open = shouhu_ledger_family_services (fx->store, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (open->len, ==, 1);
  g_assert_cmpstr (((ShouhuService *) open->pdata[0])->need, ==, "需求1");

  volunteer = shouhu_ledger_volunteer_services (fx->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (volunteer->len, ==, 2);
  g_assert_cmpstr (((ShouhuService *) volunteer->pdata[0])->family_name, ==, "甲一");
  g_assert_cmpstr (((ShouhuService *) volunteer->pdata[1])->family_name, ==, "甲四");

  g_assert_true (shouhu_ledger_last_contact (fx->store, 1, &last, &error));
  g_assert_cmpstr (last, ==, "2020-02-14");
  g_clear_pointer (&last, g_free);
  g_assert_true (shouhu_ledger_last_contact (fx->store, 7, &last, &error));
  g_assert_null (last);
}

/* The contact rule -------------------------------------------------------- */

static void
test_revisit_rule (void)
{
  /* N = 3, today 2020-02-13: contact 2 days ago is recent, 3 or 4 days
   * ago is due. */
  g_assert_false (shouhu_ledger_revisit_due ("2020-02-11", "2020-02-01", "2020-02-13", 3));
  g_assert_true (shouhu_ledger_revisit_due ("2020-02-10", "2020-02-01", "2020-02-13", 3));
  g_assert_true (shouhu_ledger_revisit_due ("2020-02-09", "2020-02-01", "2020-02-13", 3));
  /* Never contacted: counted from the day the family was recorded. */
  g_assert_false (shouhu_ledger_revisit_due (NULL, "2020-02-11", "2020-02-13", 3));
  g_assert_true (shouhu_ledger_revisit_due (NULL, "2020-02-10T09:00:00", "2020-02-13", 3));
  g_assert_true (shouhu_ledger_revisit_due (NULL, NULL, "2020-02-13", 3));
  /* Across a month's end, and another N. */
  g_assert_false (shouhu_ledger_revisit_due ("2020-02-25", NULL, "2020-03-01", 7));
  g_assert_true (shouhu_ledger_revisit_due ("2020-02-23", NULL, "2020-03-01", 7));
  g_assert_true (shouhu_ledger_revisit_due ("2020-02-29", NULL, "2020-03-01", 1));
}

/* The overview's count follows the same rule, on its boundary: families
 * last contacted N-1, N and N+1 days before today. */
static void
test_revisit_counts (Fixture       *fx,
                     gconstpointer  data)
{
  const int n = 3;
  const char *today = "2020-02-20";
  const struct { gint64 worker; gint64 volunteer; int days_ago; } contacts[] = {
    { 1, 1, 2 },   /* N-1: recent */
    { 2, 1, 3 },   /* N: due */
    { 3, 1, 4 },   /* N+1: due */
    { 6, 3, 0 },   /* today: recent */
    { 8, 4, 5 },   /* due */
  };
  ShouhuLedgerCounts counts;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autofree char *day = shouhu_ledger_add_days (today, -contacts[i].days_ago);
      g_autoptr(ShouhuService) s = make_service (contacts[i].worker, contacts[i].volunteer, day,
                                                 SHOUHU_SERVICE_GREETING, 5);
      g_autofree char *last = NULL;

      save (fx, s);
      g_assert_true (shouhu_ledger_last_contact (fx->store, contacts[i].worker, &last, &error));
      g_assert_cmpint (shouhu_ledger_revisit_due (last, "2020-02-08", today, n), ==, contacts[i].days_ago >= n);
    }

  g_assert_true (shouhu_ledger_count_districts (fx->store, today, n, &counts, &error));
  g_assert_no_error (error);
  /* 万州区: w2, w3 due, w4 and w5 never contacted since 02-08; w1 recent. */
  g_assert_cmpint (counts.to_revisit[0], ==, 4);
  /* 黔江区: w6 today, w7 never. */
  g_assert_cmpint (counts.to_revisit[1], ==, 1);
  /* 高新区: w8 5 days ago, w9 and w10 never. */
  g_assert_cmpint (counts.to_revisit[39], ==, 3);
  g_assert_cmpint (counts.to_revisit[40], ==, 1);
  g_assert_cmpint (counts.city_to_revisit, ==, 9);

  /* With N = 5, the family contacted 4 days ago is no longer due. */
  g_assert_true (shouhu_ledger_count_districts (fx->store, today, 5, &counts, &error));
  g_assert_cmpint (counts.to_revisit[0], ==, 2);
  /* Before the families were recorded plus N, nobody is due. */
  g_assert_true (shouhu_ledger_count_districts (fx->store, "2020-02-10", n, &counts, &error));
  g_assert_cmpint (counts.city_to_revisit, ==, 0);
}

static void
test_open_need_counts (Fixture       *fx,
                       gconstpointer  data)
{
  const struct { gint64 worker; gint64 volunteer; const char *need; gboolean solved; } rows[] = {
    { 1, 1, "买药", FALSE },
    { 1, 1, "修水管", TRUE },
    { 4, 2, "接孩子", FALSE },
    { 6, 3, "", FALSE },
    { 11, 5, "心理疏导", FALSE },
  };
  ShouhuLedgerCounts counts;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ShouhuService) s = make_service (rows[i].worker, rows[i].volunteer, "2020-02-15",
                                                 SHOUHU_SERVICE_OTHER, 15);

      g_free (s->need);
      s->need = g_strdup (rows[i].need);
      s->solved = rows[i].solved;
      save (fx, s);
    }
  g_assert_true (shouhu_ledger_count_districts (fx->store, "2020-02-15", 3, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.open_needs[0], ==, 2);
  g_assert_cmpint (counts.open_needs[1], ==, 0);
  g_assert_cmpint (counts.open_needs[40], ==, 1);
  g_assert_cmpint (counts.city_open_needs, ==, 3);
}

static void
test_add_days (void)
{
  g_autofree char *a = shouhu_ledger_add_days ("2020-03-01", -1);
  g_autofree char *b = shouhu_ledger_add_days ("2020-12-31", 1);
  g_autofree char *c = shouhu_ledger_add_days ("2020-02-31", 1);

  g_assert_cmpstr (a, ==, "2020-02-29");
  g_assert_cmpstr (b, ==, "2021-01-01");
  g_assert_null (c);
}

/* Merging two records of one volunteer keeps the services both did, on
 * the record that stays; a service naming both names it once. */
static void
test_volunteer_merge (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(ShouhuService) both = make_service (1, 1, "2020-02-10", SHOUHU_SERVICE_GREETING, 10);
  g_autoptr(ShouhuService) by_other = make_service (2, 2, "2020-02-11", SHOUHU_SERVICE_SUPPLIES, 30);
  g_autoptr(ShouhuService) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 both_id, other_id;

  shouhu_service_add_volunteer (both, 2);
  both_id = save (fx, both);
  other_id = save (fx, by_other);

  g_assert_true (shouhu_annex2_merge_volunteers (fx->store, 1, 2, NULL, &error));
  g_assert_no_error (error);

  got = shouhu_ledger_get (fx->store, both_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->volunteer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (got->volunteer_ids, gint64, 0), ==, 1);
  g_clear_pointer (&got, shouhu_service_free);
  got = shouhu_ledger_get (fx->store, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->volunteer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (got->volunteer_ids, gint64, 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/kinds-as-written", test_kinds_as_written);
  g_test_add ("/ledger/each-kind-stored", Fixture, NULL, fixture_set_up, test_each_kind_stored, fixture_tear_down);
  g_test_add ("/ledger/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/ledger/volunteer-merge", Fixture, NULL, fixture_set_up, test_volunteer_merge, fixture_tear_down);
  g_test_add ("/ledger/edit-delete-restore", Fixture, NULL, fixture_set_up, test_edit_delete_restore,
              fixture_tear_down);
  g_test_add ("/ledger/worker-deleted-and-restored", Fixture, NULL, fixture_set_up,
              test_worker_deleted_and_restored, fixture_tear_down);
  g_test_add ("/ledger/lists", Fixture, NULL, fixture_set_up, test_lists, fixture_tear_down);
  g_test_add_func ("/ledger/revisit-rule", test_revisit_rule);
  g_test_add ("/ledger/revisit-counts", Fixture, NULL, fixture_set_up, test_revisit_counts, fixture_tear_down);
  g_test_add ("/ledger/open-need-counts", Fixture, NULL, fixture_set_up, test_open_need_counts, fixture_tear_down);
  g_test_add_func ("/ledger/add-days", test_add_days);

  return g_test_run ();
}

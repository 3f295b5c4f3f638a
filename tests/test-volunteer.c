/* test-volunteer.c — a volunteer's fields, readiness (可上岗) in C and in
 * SQL, the gate on pairing, history and the migration from the release
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-district.h"
#include "shouhu-store-private.h"
#include "shouhu-test-util.h"
#include "shouhu-test-volunteer.h"
#include "shouhu-volunteer.h"

#include <string.h>

#define D "2020-02-10"

typedef struct
{
  const char *what;
  const char *trained_on;
  const char *gear_on;
  guint       gear;
  const char *insured_from;
  const char *insured_until;
  gboolean    ready;
  guint       lacks;
  int         insurance_days;
  const char *label;   /* in English: the tests run untranslated */
} Example;

static const Example examples[] = {
  { "insured until the day itself", D, D, 7, "2020-02-01", D, TRUE, 0, 0, "Insurance ends today" },
  { "insured until the day before", "2020-02-01", "2020-02-01", 7, "2020-01-01", "2020-02-09",
    FALSE, SHOUHU_LACKS_INSURANCE, -1, "Not ready (lacks: insurance)" },
  { "insured from the day after", "2020-02-01", "2020-02-01", 7, "2020-02-11", "2020-12-31",
    FALSE, SHOUHU_LACKS_INSURANCE, 325, "Not ready (lacks: insurance)" },
  /* A roster gives only 保险到期日: the policy runs until then. */
  { "insurance with no start", "2020-02-01", "2020-02-01", 7, "", "2020-12-31",
    TRUE, 0, 325, "Ready" },
  { "training missing", "", "2020-02-01", 7, "2020-02-01", "2020-12-31",
    FALSE, SHOUHU_LACKS_TRAINING, 325, "Not ready (lacks: training)" },
  { "trained the day after", "2020-02-11", "2020-02-01", 7, "2020-02-01", "2020-12-31",
    FALSE, SHOUHU_LACKS_TRAINING, 325, "Not ready (lacks: training)" },
  { "gear incomplete (no 消毒液)", "2020-02-01", "2020-02-01", 3, "2020-02-01", "2020-12-31",
    FALSE, SHOUHU_LACKS_GEAR, 325, "Not ready (lacks: protective gear)" },
  { "gear items but no date", "2020-02-01", "", 7, "2020-02-01", "2020-12-31",
    FALSE, SHOUHU_LACKS_GEAR, 325, "Not ready (lacks: protective gear)" },
  { "gear issued the day after", "2020-02-01", "2020-02-11", 7, "2020-02-01", "2020-12-31",
    FALSE, SHOUHU_LACKS_GEAR, 325, "Not ready (lacks: protective gear)" },
  { "nothing recorded", "", "", 0, "", "", FALSE,
    SHOUHU_LACKS_TRAINING | SHOUHU_LACKS_GEAR | SHOUHU_LACKS_INSURANCE, -1,
    "Not ready (lacks: training / protective gear / insurance)" },
  { "ready, insured for a long time", "2020-02-01", "2020-02-01", 7, "2020-02-01", "2020-12-31",
    TRUE, 0, 325, "Ready" },
  { "ready, insurance ends in 7 days", D, D, 7, D, "2020-02-17", TRUE, 0, 7, "Insurance ends in 7 days" },
  { "ready, insurance ends in 8 days", D, D, 7, D, "2020-02-18", TRUE, 0, 8, "Ready" },
  { "ready, insurance ends tomorrow", D, D, 7, D, "2020-02-11", TRUE, 0, 1, "Insurance ends in 1 day" },
  { "not ready and insurance ending: the lack wins", "", D, 7, D, "2020-02-11",
    FALSE, SHOUHU_LACKS_TRAINING, 1, "Not ready (lacks: training)" },
  { "insurance with no end", "2020-02-01", "2020-02-01", 7, "2020-02-01", "",
    FALSE, SHOUHU_LACKS_INSURANCE, -1, "Not ready (lacks: insurance)" },
};

static ShouhuVolunteer *
volunteer_of (const Example *e)
{
  ShouhuVolunteer *v = shouhu_volunteer_new ();

  g_free (v->name);
  v->name = g_strdup ("周小红");
  g_free (v->trained_on);
  v->trained_on = g_strdup (e->trained_on);
  g_free (v->gear_on);
  v->gear_on = g_strdup (e->gear_on);
  v->gear = e->gear;
  g_free (v->insured_from);
  v->insured_from = g_strdup (e->insured_from);
  g_free (v->insured_until);
  v->insured_until = g_strdup (e->insured_until);
  return v;
}

static void
test_readiness_rule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      const Example *e = &examples[i];
      g_autoptr(ShouhuVolunteer) v = volunteer_of (e);
      ShouhuReadiness r = shouhu_volunteer_readiness (v, D);
      g_autofree char *label = shouhu_readiness_label (&r);

      g_test_message ("%s", e->what);
      g_assert_cmpint (r.ready, ==, e->ready);
      g_assert_cmpuint (r.lacks, ==, e->lacks);
      g_assert_cmpint (r.insurance_days, ==, e->insurance_days);
      g_assert_cmpstr (label, ==, e->label);
    }
}

/* Over a month's end in a leap year, and today when no day is given. */
static void
test_readiness_days (void)
{
  g_autoptr(ShouhuVolunteer) v = volunteer_of (&examples[0]);
  g_autofree char *today = shouhu_volunteer_today ();
  ShouhuReadiness r;

  g_free (v->insured_until);
  v->insured_until = g_strdup ("2020-03-01");
  r = shouhu_volunteer_readiness (v, "2020-02-28");
  g_assert_cmpint (r.insurance_days, ==, 2);

  g_free (v->insured_until);
  v->insured_until = g_strdup (today);
  r = shouhu_volunteer_readiness (v, NULL);
  g_assert_true (r.ready);
  g_assert_cmpint (r.insurance_days, ==, 0);
  g_assert_true (shouhu_readiness_insurance_warns (&r));
}

static gint64
store_volunteer (ShouhuStore     *store,
                 ShouhuVolunteer *v)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shouhu_annex2_save_volunteer (store, v, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* What @expression (shouhu_volunteer_ready_sql() and the like) says of
 * volunteer @id on @day. */
static gboolean
sql_says (ShouhuStore *store,
          char        *expression,
          gint64       id,
          const char  *day)
{
  g_autofree char *owned = expression;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM volunteer v WHERE v.id = :id", owned);
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), day, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0) != 0;
}

/* The SQL text gives what the C rule gives, on every example, and so
 * does the warning. */
static void
test_readiness_sql (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(ShouhuVolunteer) v = volunteer_of (&examples[i]);
      ShouhuReadiness r = shouhu_volunteer_readiness (v, D);
      gint64 id;

      id = store_volunteer (store, v);
      g_test_message ("%s", examples[i].what);
      g_assert_cmpint (sql_says (store, shouhu_volunteer_ready_sql ("v"), id, D), ==, examples[i].ready);
      g_assert_cmpint (sql_says (store, shouhu_volunteer_insurance_warn_sql ("v"), id, D), ==,
                       shouhu_readiness_insurance_warns (&r));
    }

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_parse_values (void)
{
  static const struct { const char *written; const char *stored; } source_examples[] = {
    { "党员", "党员" }, { "中共党员", "党员" }, { " 共产党员 ", "党员" }, { "学生", "大学生" },
    { "大学生", "大学生" }, { "老师", "教师" }, { "社工", "社会工作者" }, { "共青团员", "青年志愿者" },
    { "居民", "群众" }, { "其它", "其他" }, { "", "" }, { "外星人", NULL },
  };
  static const struct { const char *written; guint skills; gboolean ok; } skill_examples[] = {
    { "照料老人小孩、学业辅导", SHOUHU_SKILL_CARE | SHOUHU_SKILL_TUTORING, TRUE },
    { "交通出行/驾驶", SHOUHU_SKILL_TRANSPORT, TRUE },
    { "驾驶，辅导 采买", SHOUHU_SKILL_TRANSPORT | SHOUHU_SKILL_TUTORING | SHOUHU_SKILL_SUPPLIES, TRUE },
    { "医学/心理;其他", SHOUHU_SKILL_MEDICAL | SHOUHU_SKILL_OTHER, TRUE },
    { "照顾老人和小孩", SHOUHU_SKILL_CARE, TRUE },
    { "无", 0, TRUE },
    { "", 0, TRUE },
    { "驾驶、唱歌", 0, FALSE },
  };
  static const struct { const char *written; guint gear; gboolean ok; } gear_examples[] = {
    { "口罩、酒精、消毒液", 7, TRUE }, { "口罩 酒精", 3, TRUE }, { "84消毒液", 4, TRUE },
    { "齐全", 7, TRUE }, { "", 0, TRUE }, { "手套", 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (source_examples); i++)
    g_assert_cmpstr (shouhu_volunteer_parse_source (source_examples[i].written), ==, source_examples[i].stored);
  for (guint i = 0; i < G_N_ELEMENTS (skill_examples); i++)
    {
      g_autoptr(GError) error = NULL;
      guint skills = 99;

      g_test_message ("专长 %s", skill_examples[i].written);
      g_assert_cmpint (shouhu_volunteer_parse_skills (skill_examples[i].written, &skills, &error), ==,
                       skill_examples[i].ok);
      if (skill_examples[i].ok)
        g_assert_cmpuint (skills, ==, skill_examples[i].skills);
      else
        g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_SKILLS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (gear_examples); i++)
    {
      g_autoptr(GError) error = NULL;
      guint gear = 99;

      g_assert_cmpint (shouhu_volunteer_parse_gear (gear_examples[i].written, &gear, &error), ==,
                       gear_examples[i].ok);
      if (gear_examples[i].ok)
        g_assert_cmpuint (gear, ==, gear_examples[i].gear);
      else
        g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_GEAR);
    }
  {
    g_autofree char *text = shouhu_volunteer_skills_text (SHOUHU_SKILL_CARE | SHOUHU_SKILL_TRANSPORT);
    g_autofree char *gear = shouhu_volunteer_gear_text (5);
    guint back = 0;

    g_assert_cmpstr (text, ==, "照料老人小孩、交通出行/驾驶");
    g_assert_cmpstr (gear, ==, "口罩、消毒液");
    g_assert_true (shouhu_volunteer_parse_skills (text, &back, NULL));
    g_assert_cmpuint (back, ==, SHOUHU_SKILL_CARE | SHOUHU_SKILL_TRANSPORT);
  }
}

static void
assert_invalid (ShouhuVolunteer      *v,
                ShouhuVolunteerField  field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (shouhu_volunteer_validate (v, &error));
  g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, (int) field);
  /* The message names the field. */
  g_assert_nonnull (strstr (error->message, shouhu_volunteer_field_label (field)));
}

static void
test_validate (void)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_NAME, " 李明 ", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GENDER, "男性", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_PHONE, "138 1234 5678", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_DISTRICT, "渝中区", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_SOURCE, "中共党员", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_SKILLS, "驾驶、辅导", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "2020年2月8日", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GEAR_ON, "2020/2/9", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GEAR, "口罩、酒精、消毒液", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, "2020-02-10", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "2020-8-9", NULL));
  g_assert_true (shouhu_volunteer_validate (v, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v->name, ==, "李明");
  g_assert_cmpstr (v->gender, ==, "男");
  g_assert_cmpstr (v->phone, ==, "13812345678");
  g_assert_cmpint (v->district_id, ==, shouhu_district_lookup ("渝中区")->id);
  g_assert_cmpstr (v->source, ==, "党员");
  g_assert_cmpuint (v->skills, ==, SHOUHU_SKILL_TRANSPORT | SHOUHU_SKILL_TUTORING);
  g_assert_cmpstr (v->trained_on, ==, "2020-02-08");
  g_assert_cmpstr (v->gear_on, ==, "2020-02-09");
  g_assert_cmpstr (v->insured_until, ==, "2020-08-09");
  g_assert_true (shouhu_volunteer_readiness (v, D).ready);

  /* A value set_field cannot read leaves the record as it was. */
  g_assert_false (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_DISTRICT, "火星区", &error));
  g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_DISTRICT);
  g_clear_error (&error);
  g_assert_cmpint (v->district_id, ==, shouhu_district_lookup ("渝中区")->id);

  g_free (v->trained_on);
  v->trained_on = g_strdup ("2020-02-30");
  assert_invalid (v, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON);
  g_free (v->trained_on);
  v->trained_on = g_strdup ("");

  g_free (v->source);
  v->source = g_strdup ("路人");
  assert_invalid (v, SHOUHU_VOLUNTEER_FIELD_SOURCE);
  g_free (v->source);
  v->source = g_strdup ("");

  g_free (v->gender);
  v->gender = g_strdup ("未知");
  assert_invalid (v, SHOUHU_VOLUNTEER_FIELD_GENDER);
  g_free (v->gender);
  v->gender = g_strdup ("");

  g_free (v->insured_from);
  v->insured_from = g_strdup ("2020-09-01");
  assert_invalid (v, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL);
  g_free (v->insured_from);
  v->insured_from = g_strdup ("");

  v->gear = 8;
  assert_invalid (v, SHOUHU_VOLUNTEER_FIELD_GEAR);
  v->gear = 0;

  g_assert_true (shouhu_volunteer_validate (v, &error));
  g_assert_no_error (error);
}

static gboolean
history_has (GPtrArray  *history,
             const char *action,
             const char *field,
             const char *old_value,
             const char *new_value)
{
  for (guint i = 0; i < history->len; i++)
    {
      ShouhuHistoryEntry *e = history->pdata[i];

      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->field, field) == 0 &&
          g_strcmp0 (e->old_value, old_value) == 0 && g_strcmp0 (e->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every field is stored and read back, and every change is in the
 * history, as the roster writes the value. */
static void
test_store_and_history (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuVolunteer) v = volunteer_of (&examples[10]);
  g_autoptr(ShouhuVolunteer) back = NULL;
  g_autoptr(ShouhuVolunteer) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  gint64 id;

  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GENDER, "女", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_SOURCE, "青年志愿者", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_SKILLS, "学业辅导", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_INSURER, "中国人寿", NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_POLICY_NO, "P2020-001", NULL));
  id = store_volunteer (store, v);

  back = shouhu_annex2_get_volunteer (store, id, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      g_autofree char *a = shouhu_volunteer_dup_field (v, f);
      g_autofree char *b = shouhu_volunteer_dup_field (back, f);

      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpuint (back->gear, ==, 7);
  g_assert_cmpuint (back->skills, ==, SHOUHU_SKILL_TUTORING);

  /* An edit: one history row per changed field, none for the others. */
  stamp = shouhu_volunteer_stamp (back);
  g_assert_true (shouhu_volunteer_set_field (back, SHOUHU_VOLUNTEER_FIELD_GEAR, "口罩", NULL));
  g_free (back->insured_until);
  back->insured_until = g_strdup ("2021-01-31");
  g_assert_cmpint (shouhu_annex2_save_edited_volunteer (store, back, stamp, &error), ==, id);
  g_assert_no_error (error);

  history = shouhu_annex2_history (store, "volunteer", id, &error);
  g_assert_no_error (error);
  g_assert_true (history_has (history, "create", "gear", NULL, "口罩、酒精、消毒液"));
  g_assert_true (history_has (history, "create", "skills", NULL, "学业辅导"));
  g_assert_true (history_has (history, "create", "insurer", NULL, "中国人寿"));
  g_assert_true (history_has (history, "edit", "gear", "口罩、酒精、消毒液", "口罩"));
  g_assert_true (history_has (history, "edit", "insured_until", "2020-12-31", "2021-01-31"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE entity = 'volunteer' "
                                                 "AND action = 'edit'"), ==, 2);
  g_assert_cmpstr (shouhu_annex2_column_label ("volunteer", "insured_until"), ==, "Insured Until");

  /* The editor's stamp is now stale: a second save is refused. */
  g_assert_cmpint (shouhu_annex2_save_edited_volunteer (store, back, stamp, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_clear_error (&error);

  again = shouhu_annex2_get_volunteer (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->gear, ==, 1);
  g_assert_false (shouhu_volunteer_readiness (again, D).ready);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static gboolean
guarded (ShouhuStore *store,
         gint64       worker_id,
         const char  *day)
{
  g_autoptr(GError) error = NULL;
  gboolean is_guarded = TRUE;

  g_assert_true (shouhu_annex2_worker_guarded (store, worker_id, day, &is_guarded, &error));
  g_assert_no_error (error);
  return is_guarded;
}

/* Pairing a volunteer who is not ready is allowed, and guards nobody. */
static void
test_gate_in_pairing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuVolunteer) not_ready = volunteer_of (&examples[4]);   /* training missing */
  g_autoptr(ShouhuVolunteer) ready = volunteer_of (&examples[10]);
  g_autoptr(ShouhuVolunteer) ending = volunteer_of (&examples[0]);     /* insured until D */
  g_autoptr(GError) error = NULL;
  gint64 worker = shouhu_test_add_worker (store, "万州区", "张丽", "13900001111");
  gint64 other = shouhu_test_add_worker (store, "万州区", "王芳", "13900002222");
  gint64 nr = store_volunteer (store, not_ready);
  gint64 r = store_volunteer (store, ready);
  gint64 e = store_volunteer (store, ending);

  g_assert_false (guarded (store, worker, D));
  g_assert_true (shouhu_annex2_pair (store, worker, nr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 1);
  g_assert_false (guarded (store, worker, D));

  g_assert_true (shouhu_annex2_pair (store, worker, r, &error));
  g_assert_true (guarded (store, worker, D));
  /* Before the ready volunteer was trained, the family was not guarded. */
  g_assert_false (guarded (store, worker, "2020-01-31"));

  /* Insurance valid until D: guarded on D, not the day after. */
  g_assert_true (shouhu_annex2_pair (store, other, e, &error));
  g_assert_true (guarded (store, other, D));
  g_assert_false (guarded (store, other, "2020-02-11"));

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* The chooser's search lists those ready today first, then the nearest. */
static void
test_find_ready_first (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuVolunteer) near = volunteer_of (&examples[9]);      /* nothing recorded */
  g_autoptr(ShouhuVolunteer) far_ready = volunteer_of (&examples[10]);
  g_autoptr(ShouhuVolunteer) far = volunteer_of (&examples[9]);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  near->district_id = 4;
  far_ready->district_id = 1;
  far->district_id = 1;
  g_free (far_ready->insured_until);
  far_ready->insured_until = g_strdup ("2099-12-31");
  ids[0] = store_volunteer (store, far);
  ids[1] = store_volunteer (store, near);
  ids[2] = store_volunteer (store, far_ready);

  found = shouhu_annex2_find_volunteers (store, "", 4, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (((ShouhuVolunteer *) found->pdata[0])->id, ==, ids[2]);
  g_assert_cmpint (((ShouhuVolunteer *) found->pdata[1])->id, ==, ids[1]);
  g_assert_cmpint (((ShouhuVolunteer *) found->pdata[2])->id, ==, ids[0]);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* Two records of one person become one: every family stays guarded,
 * readiness takes the best of both, the history keeps everything. */
static void
test_merge (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuVolunteer) a = shouhu_volunteer_new ();
  g_autoptr(ShouhuVolunteer) b = shouhu_volunteer_new ();
  g_autoptr(ShouhuVolunteer) merged = NULL;
  g_autoptr(GPtrArray) history_b = NULL;
  g_autoptr(GPtrArray) history_w2 = NULL;
  g_autoptr(GArray) families = NULL;
  g_autoptr(GError) error = NULL;
  gint64 w1 = shouhu_test_add_worker (store, "万州区", "张丽", "13900001111");
  gint64 w2 = shouhu_test_add_worker (store, "万州区", "王芳", "13900002222");
  gint64 w3 = shouhu_test_add_worker (store, "万州区", "赵敏", "13900003333");
  gint64 ia, ib;

  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_NAME, "李明", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_PHONE, "13812345678", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_SKILLS, "照料老人小孩", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "2020-02-05", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_GEAR_ON, "2020-02-05", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_GEAR, "口罩", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, "2020-02-01", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "2020-06-30", NULL));
  g_assert_true (shouhu_volunteer_set_field (a, SHOUHU_VOLUNTEER_FIELD_NOTE, "社区推荐", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_NAME, "李明", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_GENDER, "男", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_DISTRICT, "渝中区", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_SOURCE, "党员", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_SKILLS, "驾驶", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "2020-02-08", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_GEAR_ON, "2020-02-07", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_GEAR, "酒精、消毒液", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_INSURER, "中国人寿", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_POLICY_NO, "P-2", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, "2020-02-09", NULL));
  g_assert_true (shouhu_volunteer_set_field (b, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "2020-12-31", NULL));
  ia = store_volunteer (store, a);
  ib = store_volunteer (store, b);
  g_assert_false (shouhu_volunteer_readiness (a, D).ready);
  g_assert_false (shouhu_volunteer_readiness (b, D).ready);
  g_assert_true (shouhu_annex2_pair (store, w1, ia, NULL));
  g_assert_true (shouhu_annex2_pair (store, w2, ib, NULL));
  g_assert_true (shouhu_annex2_pair (store, w3, ia, NULL));
  g_assert_true (shouhu_annex2_pair (store, w3, ib, NULL));

  g_assert_true (shouhu_annex2_merge_volunteers (store, ia, ib, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (shouhu_annex2_get_volunteer (store, ib, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
  g_clear_error (&error);
  merged = shouhu_annex2_get_volunteer (store, ia, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (merged->phone, ==, "13812345678");
  g_assert_cmpstr (merged->gender, ==, "男");
  g_assert_cmpint (merged->district_id, ==, shouhu_district_lookup ("渝中区")->id);
  g_assert_cmpstr (merged->source, ==, "党员");
  g_assert_cmpuint (merged->skills, ==, SHOUHU_SKILL_CARE | SHOUHU_SKILL_TRANSPORT);
  g_assert_cmpstr (merged->trained_on, ==, "2020-02-08");
  g_assert_cmpstr (merged->gear_on, ==, "2020-02-07");
  g_assert_cmpuint (merged->gear, ==, SHOUHU_GEAR_ALL);
  g_assert_cmpstr (merged->insurer, ==, "中国人寿");
  g_assert_cmpstr (merged->insured_from, ==, "2020-02-09");
  g_assert_cmpstr (merged->insured_until, ==, "2020-12-31");
  g_assert_cmpstr (merged->note, ==, "社区推荐");
  g_assert_true (shouhu_volunteer_readiness (merged, D).ready);

  /* Every family stays guarded, w3 by one pairing. */
  families = shouhu_annex2_volunteer_workers (store, ia, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (families->len, ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 3);
  g_assert_true (guarded (store, w2, D));

  history_b = shouhu_annex2_history (store, "volunteer", ib, &error);
  g_assert_no_error (error);
  g_assert_true (history_has (history_b, "merge", NULL, "李明", "李明"));
  g_assert_true (history_has (history_b, "merge", "policy_no", "P-2", NULL));
  history_w2 = shouhu_annex2_history (store, "worker", w2, &error);
  g_assert_no_error (error);
  g_assert_true (history_has (history_w2, "pair", "volunteer", NULL, "李明"));
  g_assert_true (history_has (history_w2, "unpair", "volunteer", "李明", NULL));

  /* Ids are never reused: a new volunteer does not take the merged one's. */
  g_assert_cmpint (store_volunteer (store, b), >, ib);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* A file as the current release made it: every volunteer and pairing
 * stays, the new fields are empty, and nobody is ready. */
static void
test_migrate_release (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "release.db", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "data", "release-v2.sql", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(ShouhuVolunteer) v = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) families = NULL;
  sqlite3 *db = NULL;
  gboolean is_guarded = TRUE;

  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, schema, NULL, NULL, NULL), ==, SQLITE_OK);
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO district (id, name) VALUES (%d, '%s')", id,
                                              shouhu_district_get (id)->name);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO worker (id, district_id, hospital, name, gender, phone, created, changed)"
                                 " VALUES (1, 2, '重庆市人民医院', '张丽', '女', '13900001111', '2020-02-08T09:00:00',"
                                 " '2020-02-08T09:00:00'),"
                                 " (2, 2, '重庆市人民医院', '王芳', '女', '13900002222', '2020-02-08T09:00:00',"
                                 " '2020-02-08T09:00:00');"
                                 "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created,"
                                 " changed) VALUES (1, '周小红', '13300001234', 2, '解放碑街道', '民生路社区', '',"
                                 " '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
                                 " (2, '李明', '', NULL, '', '', '大学生', '2020-02-08T09:00:00',"
                                 " '2020-02-08T09:00:00');"
                                 "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (1, 1, '2020-02-08T09:00:00'), (2, 1,"
                                 " '2020-02-08T09:00:00'), (2, 2, '2020-02-08T09:00:00');"
                                 "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_assert_nonnull (shouhu_store_get_backup_path (store));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM sqlite_schema "
                                                 "WHERE type = 'index' AND tbl_name = 'volunteer'"), ==, 3);

  v = shouhu_annex2_get_volunteer (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v->name, ==, "周小红");
  g_assert_cmpstr (v->town, ==, "解放碑街道");
  g_assert_cmpstr (v->gender, ==, "");
  g_assert_cmpstr (v->trained_on, ==, "");
  g_assert_cmpuint (v->gear, ==, 0);
  g_assert_cmpuint (shouhu_volunteer_readiness (v, NULL).lacks, ==,
                    SHOUHU_LACKS_TRAINING | SHOUHU_LACKS_GEAR | SHOUHU_LACKS_INSURANCE);
  families = shouhu_annex2_volunteer_workers (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (families->len, ==, 2);
  g_assert_true (shouhu_annex2_worker_guarded (store, 1, NULL, &is_guarded, &error));
  g_assert_false (is_guarded);

  /* The migrated record takes the new fields. */
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "2020-02-09", NULL));
  g_assert_cmpint (shouhu_annex2_save_volunteer (store, v, &error), ==, 1);
  g_assert_no_error (error);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/volunteer/readiness/rule", test_readiness_rule);
  g_test_add_func ("/volunteer/readiness/days", test_readiness_days);
  g_test_add_func ("/volunteer/readiness/sql", test_readiness_sql);
  g_test_add_func ("/volunteer/parse-values", test_parse_values);
  g_test_add_func ("/volunteer/validate", test_validate);
  g_test_add_func ("/volunteer/store-and-history", test_store_and_history);
  g_test_add_func ("/volunteer/gate/pairing", test_gate_in_pairing);
  g_test_add_func ("/volunteer/find-ready-first", test_find_ready_first);
  g_test_add_func ("/volunteer/merge", test_merge);
  g_test_add_func ("/volunteer/migrate-release", test_migrate_release);

  return g_test_run ();
}

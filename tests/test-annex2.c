/* test-annex2.c — Annex 2 records: validation, pairing, history, undo, index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-annex2-index.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-validate.h"
#include "shouhu-worker-list.h"

#include <string.h>

static gint64
add_worker (ShouhuStore *store,
            int          district_id,
            const char  *name,
            const char  *phone)
{
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (district_id, name, phone);
  g_autoptr(GError) error = NULL;
  gint64 id = shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_volunteer (ShouhuStore *store,
               const char  *name)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (v->name);
  v->name = g_strdup (name);
  v->district_id = 2;
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (ShouhuStore *store,
       const char  *sql)
{
  return shouhu_test_query_int (store, sql);
}

static void
assert_field_error (ShouhuWorker      *w,
                    ShouhuAnnex2Field  field,
                    const char        *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (shouhu_worker_validate (w, &error));
  g_assert_error (error, SHOUHU_WORKER_FIELD_ERROR, (int) field);
  g_assert_nonnull (strstr (error->message, label));
}

static void
test_validate (void)
{
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (1, " 张三 ", "１３８ １２３４ ５６７８");
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_worker_validate (w, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (w->name, ==, "张三");
  g_assert_cmpstr (w->phone, ==, "13812345678");

  /* 区县: 0 and 42 are outside 1..41; 1 and 41 inside. */
  w->district_id = 0;
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_DISTRICT, "District");
  w->district_id = 42;
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_DISTRICT, "District");
  w->district_id = 41;
  g_assert_true (shouhu_worker_validate (w, NULL));
  w->district_id = 1;

  g_free (w->hospital);
  w->hospital = g_strdup ("  ");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_HOSPITAL, "Hospital");
  g_free (w->hospital);
  w->hospital = g_strdup ("医");
  g_assert_true (shouhu_worker_validate (w, NULL));

  g_free (w->name);
  w->name = g_strdup ("");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_NAME, "Name");
  /* Ideographic spaces only, as an input method types them: blank. */
  g_free (w->name);
  w->name = g_strdup ("　　");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_NAME, "Name");
  g_free (w->name);
  w->name = g_strdup (" 　");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_NAME, "Name");
  g_free (w->name);
  w->name = g_strdup ("李");

  /* A trimmed text stays as it is; one with spaces is trimmed; a text
   * of as many characters as allowed passes, one more does not, however
   * many bytes its characters take. */
  {
    guint max = shouhu_annex2_form_column (SHOUHU_ANNEX2_FIELD_NOTE)->max_chars;
    g_autoptr(GString) longest = g_string_new (NULL);

    g_assert_cmpuint (max, >, 0);
    for (guint i = 0; i < max; i++)
      g_string_append (longest, "援");
    g_free (w->note);
    w->note = g_strdup (longest->str);
    g_assert_true (shouhu_worker_validate (w, NULL));
    g_assert_cmpstr (w->note, ==, longest->str);
    g_string_append (longest, "x");
    g_free (w->note);
    w->note = g_strdup (longest->str);
    assert_field_error (w, SHOUHU_ANNEX2_FIELD_NOTE, "Remarks");
    g_free (w->note);
    w->note = g_strdup ("\t援鄂 ");
    g_assert_true (shouhu_worker_validate (w, NULL));
    g_assert_cmpstr (w->note, ==, "援鄂");
  }

  g_free (w->gender);
  w->gender = g_strdup ("");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_GENDER, "Gender");
  g_free (w->gender);
  w->gender = g_strdup ("男性");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_GENDER, "Gender");
  g_free (w->gender);
  w->gender = g_strdup ("男");

  g_free (w->family_phone);
  w->family_phone = g_strdup ("023-688812");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_FAMILY_PHONE, "Family Phone");
  g_free (w->family_phone);
  w->family_phone = g_strdup ("０２３－６８８８１２３４");
  g_free (w->phone);
  w->phone = g_strdup ("1381234567");
  assert_field_error (w, SHOUHU_ANNEX2_FIELD_PHONE, "Own Phone");
  g_free (w->phone);
  w->phone = g_strdup ("");
  g_assert_true (shouhu_worker_validate (w, NULL));
  g_assert_cmpstr (w->family_phone, ==, "023-68881234");
}

static void
test_save_and_store_normalised (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (5, "王五", "138-1234-5678");
  g_autoptr(ShouhuWorker) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_free (w->family_phone);
  w->family_phone = g_strdup ("023 6888 1234 转 12");
  id = shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error);
  g_assert_no_error (error);
  got = shouhu_annex2_get_worker (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->phone, ==, "13812345678");
  g_assert_cmpstr (got->family_phone, ==, "023-68881234-12");
  g_assert_cmpint (got->district_id, ==, 5);
  g_assert_nonnull (got->created);

  /* A rejected record stores nothing. */
  g_free (w->name);
  w->name = g_strdup ("");
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, 0);
  g_assert_error (error, SHOUHU_WORKER_FIELD_ERROR, SHOUHU_ANNEX2_FIELD_NAME);
  g_assert_cmpint (count (store, "SELECT count(*) FROM worker"), ==, 1);
}

static void
test_duplicate (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (3, "张三", "13812345678");
  g_autoptr(GError) error = NULL;
  gint64 first = add_worker (store, 1, "张三", "138 1234 5678");
  gint64 found = -1;
  gint64 second, other;

  /* Same name, same phone typed differently: asked first. */
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);
  g_assert_true (shouhu_annex2_find_duplicate (store, "张三", "１３８１２３４５６７８", 0, &found, &error));
  g_assert_cmpint (found, ==, first);
  g_assert_true (shouhu_annex2_find_duplicate (store, "张三", "13812345678", first, &found, &error));
  g_assert_cmpint (found, ==, 0);

  /* Confirmed: stored. */
  second = shouhu_annex2_save_worker (store, w, NULL, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, !=, first);

  /* Same name, other phone; other name, same phone; no phone: not duplicates. */
  add_worker (store, 1, "张三", "13812345679");
  add_worker (store, 1, "张四", "13812345678");
  add_worker (store, 1, "赵六", "");
  other = add_worker (store, 1, "赵六", "");
  g_assert_cmpint (other, >, 0);

  /* Editing the record itself is not a duplicate of itself. */
  w->id = first;
  g_free (w->note);
  w->note = g_strdup ("edited");
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_DUPLICATE);
}

static void
test_pairing_shapes (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 w1 = add_worker (store, 1, "甲", "");
  gint64 w2 = add_worker (store, 1, "乙", "");
  gint64 w3 = add_worker (store, 2, "丙", "");
  gint64 w4 = add_worker (store, 2, "丁", "");
  gint64 v1 = add_volunteer (store, "志愿者一");
  gint64 v2 = add_volunteer (store, "志愿者二");
  gint64 v3 = add_volunteer (store, "志愿者三");
  gint64 v4 = add_volunteer (store, "志愿者四");
  g_autoptr(GPtrArray) vols = NULL;
  g_autoptr(GArray) workers = NULL;
  g_autoptr(ShouhuAnnex2Index) index = NULL;
  guint pos;

  /* 一对一 */
  g_assert_true (shouhu_annex2_pair (store, w1, v1, &error));
  /* 一对多: one family, two volunteers */
  g_assert_true (shouhu_annex2_pair (store, w2, v2, &error));
  g_assert_true (shouhu_annex2_pair (store, w2, v3, &error));
  /* 多对一: one volunteer, two families */
  g_assert_true (shouhu_annex2_pair (store, w3, v4, &error));
  g_assert_true (shouhu_annex2_pair (store, w4, v4, &error));
  g_assert_no_error (error);
  /* Pairing twice changes nothing. */
  g_assert_true (shouhu_annex2_pair (store, w1, v1, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM pairing"), ==, 5);

  vols = shouhu_annex2_worker_volunteers (store, w1, &error);
  g_assert_cmpuint (vols->len, ==, 1);
  g_clear_pointer (&vols, g_ptr_array_unref);
  vols = shouhu_annex2_worker_volunteers (store, w2, &error);
  g_assert_cmpuint (vols->len, ==, 2);
  g_assert_cmpstr (((ShouhuVolunteer *) vols->pdata[0])->name, ==, "志愿者二");
  g_assert_cmpstr (((ShouhuVolunteer *) vols->pdata[1])->name, ==, "志愿者三");
  workers = shouhu_annex2_volunteer_workers (store, v4, &error);
  g_assert_cmpuint (workers->len, ==, 2);
  g_assert_cmpint (g_array_index (workers, gint64, 0), ==, w3);
  g_assert_cmpint (g_array_index (workers, gint64, 1), ==, w4);

  /* The list shows the names; a family without a volunteer has none. */
  index = shouhu_annex2_index_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_annex2_index_find_id (index, w2, &pos));
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_volunteers, ==, 2);
  g_assert_cmpstr (shouhu_annex2_index_get_row (index, pos)->text[SHOUHU_ANNEX2_FIELD_VOLUNTEERS],
                   ==, "志愿者二、志愿者三");
  /* Neither is trained, equipped or insured: the family is paired, not guarded. */
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_ready, ==, 0);
  g_clear_pointer (&index, shouhu_annex2_index_unref);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE volunteer SET trained_on = '2020-02-08', gear_on = '2020-02-08', "
                                            "gear = %d, insured_until = '2099-12-31' WHERE id = %" G_GINT64_FORMAT,
                                            SHOUHU_GEAR_ALL, v3);

    g_assert_true (shouhu_store_exec (store, sql, &error));
    g_assert_no_error (error);
  }
  index = shouhu_annex2_index_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_annex2_index_find_id (index, w2, &pos));
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_volunteers, ==, 2);
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_ready, ==, 1);
  g_assert_true (shouhu_annex2_index_find_id (index, w4, &pos));
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_volunteers, ==, 1);
  g_assert_cmpuint (shouhu_annex2_index_get_row (index, pos)->n_ready, ==, 0);

  /* Pairing with a volunteer that is not there fails and stores nothing. */
  g_assert_false (shouhu_annex2_pair (store, w1, 999, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving through the editor replaces the set. */
  {
    g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, w2, &error);
    gint64 ids[] = { v3, v1 };

    g_assert_cmpint (shouhu_annex2_save_worker (store, w, ids, 2, FALSE, &error), ==, w2);
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM pairing WHERE worker_id = 2"), ==, 2);
    g_assert_cmpint (count (store, "SELECT count(*) FROM pairing WHERE worker_id = 2 AND volunteer_id = 2"), ==, 0);
    g_assert_cmpint (count (store, "SELECT count(*) FROM pairing WHERE volunteer_id = 1"), ==, 2);
  }
  g_assert_true (shouhu_annex2_unpair (store, w4, v4, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM pairing WHERE volunteer_id = 4"), ==, 1);
}

static gboolean
has_entry (GPtrArray  *entries,
           const char *action,
           const char *field,
           const char *old_value,
           const char *new_value)
{
  for (guint i = 0; i < entries->len; i++)
    {
      ShouhuHistoryEntry *e = entries->pdata[i];

      if (g_strcmp0 (e->action, action) == 0 && g_strcmp0 (e->field, field) == 0 &&
          g_strcmp0 (e->old_value, old_value) == 0 && g_strcmp0 (e->new_value, new_value) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_history (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_worker (store, 1, "张三", "13812345678");
  gint64 v = add_volunteer (store, "李四");
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, id, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) vol_entries = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;

  g_free (w->hospital);
  w->hospital = g_strdup ("市第二医院");
  w->district_id = 2;
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, id);
  /* Saving it unchanged writes no history. */
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), ==, id);
  g_assert_true (shouhu_annex2_pair (store, id, v, &error));
  g_assert_true (shouhu_annex2_unpair (store, id, v, &error));
  deleted = shouhu_annex2_delete_worker (store, id, &error);
  g_assert_no_error (error);

  entries = shouhu_annex2_history (store, "worker", id, &error);
  g_assert_no_error (error);
  /* create: the record and its 5 filled fields; 2 edits; pair; unpair;
   * delete: the record and its 5 filled fields. */
  g_assert_cmpuint (entries->len, ==, 16);
  g_assert_true (has_entry (entries, "create", NULL, NULL, "张三"));
  g_assert_true (has_entry (entries, "create", "hospital", NULL, "重庆医科大学附属第一医院"));
  g_assert_true (has_entry (entries, "create", "phone", NULL, "13812345678"));
  g_assert_true (has_entry (entries, "delete", "hospital", "市第二医院", NULL));
  g_assert_true (has_entry (entries, "delete", "phone", "13812345678", NULL));
  g_assert_true (has_entry (entries, "edit", "hospital", "重庆医科大学附属第一医院", "市第二医院"));
  g_assert_true (has_entry (entries, "edit", "district_id", "万州区", "涪陵区") ||
                 has_entry (entries, "edit", "district_id",
                            shouhu_district_get (1)->name, shouhu_district_get (2)->name));
  g_assert_true (has_entry (entries, "pair", "volunteer", NULL, "李四"));
  g_assert_true (has_entry (entries, "unpair", "volunteer", "李四", NULL));
  g_assert_true (has_entry (entries, "delete", NULL, "张三", NULL));

  vol_entries = shouhu_annex2_history (store, "volunteer", v, &error);
  g_assert_true (has_entry (vol_entries, "create", NULL, NULL, "李四"));
  g_assert_true (has_entry (vol_entries, "pair", "worker", NULL, "张三"));
  g_assert_true (has_entry (vol_entries, "unpair", "worker", "张三", NULL));

  /* The district form's header keeps its history too. */
  g_assert_true (shouhu_annex2_set_district_form (store, 3, "陈填报", "023 6888 1234", &error));
  g_assert_no_error (error);
  {
    g_autofree char *reporter = NULL;
    g_autofree char *phone = NULL;
    g_autoptr(GPtrArray) form = NULL;

    g_assert_true (shouhu_annex2_get_district_form (store, 3, &reporter, &phone, &error));
    g_assert_cmpstr (reporter, ==, "陈填报");
    g_assert_cmpstr (phone, ==, "023-68881234");
    form = shouhu_annex2_history (store, "district_form", 3, &error);
    g_assert_true (has_entry (form, "edit", "reporter", "", "陈填报"));
    g_assert_true (has_entry (form, "edit", "phone", "", "023-68881234"));
  }
  g_assert_false (shouhu_annex2_set_district_form (store, 3, "陈填报", "12345", &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
}

static void
test_undo_delete (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_worker (store, 7, "刘医生", "13912345678");
  gint64 v1 = add_volunteer (store, "志愿者甲");
  gint64 v2 = add_volunteer (store, "志愿者乙");
  gint64 ids[] = { v1, v2 };
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, id, &error);
  g_autoptr(ShouhuWorker) back = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GPtrArray) vols = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 newer;

  g_assert_cmpint (shouhu_annex2_save_worker (store, w, ids, 2, FALSE, &error), ==, id);
  deleted = shouhu_annex2_delete_worker (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (count (store, "SELECT count(*) FROM worker"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pairing"), ==, 0);

  /* A record added meanwhile never takes the deleted one's id. */
  newer = add_worker (store, 7, "新记录", "");
  g_assert_cmpint (newer, !=, id);

  g_assert_true (shouhu_annex2_restore_worker (store, deleted, &error));
  g_assert_no_error (error);
  back = shouhu_annex2_get_worker (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "刘医生");
  g_assert_cmpstr (back->phone, ==, "13912345678");
  g_assert_cmpstr (back->created, ==, w->created);
  vols = shouhu_annex2_worker_volunteers (store, id, &error);
  g_assert_cmpuint (vols->len, ==, 2);
  entries = shouhu_annex2_history (store, "worker", id, &error);
  g_assert_true (has_entry (entries, "restore", NULL, NULL, "刘医生"));

  /* Deleting a record that is gone says so. */
  {
    g_autoptr(ShouhuDeletedWorker) gone = shouhu_annex2_delete_worker (store, newer, &error);

    g_assert_nonnull (gone);
  }
  g_assert_null (shouhu_annex2_delete_worker (store, newer, &error));
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
}

/* A restore that cannot read the volunteers fails as a whole: it never
 * brings the record back without the pairings it had. */
static void
test_undo_delete_read_failure (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_worker (store, 7, "刘医生", "13912345678");
  gint64 v = add_volunteer (store, "志愿者甲");
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, id, &error);
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GPtrArray) vols = NULL;

  g_assert_cmpint (shouhu_annex2_save_worker (store, w, &v, 1, FALSE, &error), ==, id);
  deleted = shouhu_annex2_delete_worker (store, id, &error);
  g_assert_no_error (error);

  g_assert_true (shouhu_store_exec (store, "ALTER TABLE volunteer RENAME COLUMN name TO full_name", &error));
  g_assert_false (shouhu_annex2_restore_worker (store, deleted, &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM worker"), ==, 0);

  g_assert_true (shouhu_store_exec (store, "ALTER TABLE volunteer RENAME COLUMN full_name TO name", &error));
  g_assert_true (shouhu_annex2_restore_worker (store, deleted, &error));
  g_assert_no_error (error);
  vols = shouhu_annex2_worker_volunteers (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vols->len, ==, 1);
}

static void
test_volunteer (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 id;

  g_assert_cmpint (shouhu_annex2_save_volunteer (store, v, &error), ==, 0);
  g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_NAME);
  g_clear_error (&error);
  g_free (v->name);
  v->name = g_strdup ("Li Lei");
  g_free (v->phone);
  v->phone = g_strdup ("12345");
  g_assert_cmpint (shouhu_annex2_save_volunteer (store, v, &error), ==, 0);
  g_assert_error (error, SHOUHU_VOLUNTEER_FIELD_ERROR, SHOUHU_VOLUNTEER_FIELD_PHONE);
  g_clear_error (&error);
  g_free (v->phone);
  v->phone = g_strdup ("１３６００００００００");
  v->district_id = 9;
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  add_volunteer (store, "韩梅梅");

  found = shouhu_annex2_find_volunteers (store, "lei", 0, 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((ShouhuVolunteer *) found->pdata[0])->id, ==, id);
  g_assert_cmpstr (((ShouhuVolunteer *) found->pdata[0])->phone, ==, "13600000000");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Nearest first: the volunteer of district 9 before the others. */
  found = shouhu_annex2_find_volunteers (store, "", 9, 10, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((ShouhuVolunteer *) found->pdata[0])->id, ==, id);
}

/* The stamp of a record as it is stored now, as an editor takes it. */
static char *
stored_stamp (ShouhuStore *store,
              gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, id, &error);
  g_autoptr(GPtrArray) volunteers = shouhu_annex2_worker_volunteers (store, id, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < volunteers->len; i++)
    g_array_append_val (ids, ((ShouhuVolunteer *) volunteers->pdata[i])->id);
  return shouhu_worker_stamp (w, (const gint64 *) (gpointer) ids->data, ids->len);
}

/* An editor's save after another program changed the record is refused
 * and writes nothing; saved again with the stamp of what is now stored
 * (the user saw it), it overwrites. */
static void
test_edit_conflict (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) seen = NULL, mine = NULL, theirs = NULL, stored = NULL;
  g_autofree char *seen_stamp = NULL, *now_stamp = NULL;
  gint64 id = add_worker (store, 4, "刘医生", "13912345678");
  gint64 v1 = add_volunteer (store, "王五");
  gint64 v2 = add_volunteer (store, "赵钱");
  gint64 both[] = { v1, v2 }, reversed[] = { v2, v1 };
  g_autofree char *n_paired = g_strdup_printf ("SELECT count(*) FROM pairing WHERE worker_id = %" G_GINT64_FORMAT, id);

  g_assert_true (shouhu_annex2_pair (store, id, v1, &error));
  seen = shouhu_annex2_get_worker (store, id, &error);
  seen_stamp = stored_stamp (store, id);

  /* The stamp is the content: the order of the volunteers does not
   * count, a field or a volunteer does. */
  {
    g_autofree char *a = shouhu_worker_stamp (seen, both, 2);
    g_autofree char *b = shouhu_worker_stamp (seen, reversed, 2);
    g_autofree char *c = shouhu_worker_stamp (seen, both, 1);

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, !=, c);
    g_assert_cmpstr (c, ==, seen_stamp);
  }

  /* Unchanged meanwhile: the edit is saved. */
  mine = shouhu_worker_copy (seen);
  g_free (mine->title);
  mine->title = g_strdup ("主治医师");
  g_assert_cmpint (shouhu_annex2_save_edited_worker (store, mine, &v1, 1, FALSE, seen_stamp, &error), ==, id);
  g_assert_no_error (error);
  g_clear_pointer (&seen_stamp, g_free);
  seen_stamp = stored_stamp (store, id);

  /* Another program changes the address meanwhile. */
  other = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  theirs = shouhu_annex2_get_worker (other, id, &error);
  g_free (theirs->home_address);
  theirs->home_address = g_strdup ("渝北区新地址 8 号");
  g_assert_cmpint (shouhu_annex2_save_worker (other, theirs, &v1, 1, FALSE, &error), ==, id);

  g_free (mine->phone);
  mine->phone = g_strdup ("13900000000");
  g_assert_cmpint (shouhu_annex2_save_edited_worker (store, mine, &v1, 1, FALSE, seen_stamp, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "刘医生"));
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM worker WHERE home_address = '渝北区新地址 8 号' "
                                 "AND phone = '13912345678'"), ==, 1);

  /* A volunteer paired meanwhile is a change too. */
  g_clear_pointer (&seen_stamp, g_free);
  seen_stamp = stored_stamp (store, id);
  g_assert_true (shouhu_annex2_pair (other, id, v2, &error));
  g_assert_cmpint (shouhu_annex2_save_edited_worker (store, mine, &v1, 1, FALSE, seen_stamp, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (store, n_paired), ==, 2);

  /* Overwrite: the user has seen what is stored now and keeps theirs. */
  now_stamp = stored_stamp (store, id);
  g_assert_cmpint (shouhu_annex2_save_edited_worker (store, mine, &v1, 1, FALSE, now_stamp, &error), ==, id);
  g_assert_no_error (error);
  stored = shouhu_annex2_get_worker (store, id, &error);
  g_assert_cmpstr (stored->phone, ==, "13900000000");
  g_assert_cmpstr (stored->home_address, ==, seen->home_address);
  g_assert_cmpint (count (store, n_paired), ==, 1);

  /* Deleted meanwhile: said so, nothing comes back. */
  g_clear_pointer (&now_stamp, g_free);
  now_stamp = stored_stamp (store, id);
  {
    g_autoptr(ShouhuDeletedWorker) deleted = shouhu_annex2_delete_worker (other, id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (deleted);
  }
  g_assert_cmpint (shouhu_annex2_save_edited_worker (store, mine, &v1, 1, FALSE, now_stamp, &error), ==, 0);
  g_assert_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND);
  g_assert_cmpint (count (store, "SELECT count(*) FROM worker"), ==, 0);

  g_clear_object (&other);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_index_search (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorkerList) list = shouhu_worker_list_new ();
  gint64 a = add_worker (store, 1, "Zhang Wei", "13812345678");
  gint64 b = add_worker (store, 2, "王芳", "023-68881234");
  gint64 v = add_volunteer (store, "志愿者小明");
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (2, "李娜", "");
  guint pos;

  g_free (w->home_address);
  w->home_address = g_strdup ("渝中区解放碑 ABC 大厦");
  add_worker (store, 1, "陈静", "");
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, &v, 1, FALSE, &error), >, 0);
  g_assert_true (shouhu_annex2_pair (store, b, v, &error));

  g_assert_true (shouhu_worker_list_load (list, store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* Latin letters in any case, full-width too. */
  shouhu_worker_list_set_filter (list, 0, "zhang");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (shouhu_worker_list_find_id (list, a, &pos));
  shouhu_worker_list_set_filter (list, 0, "ＺＨＡＮＧ ｗ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* Phones, addresses, volunteers' names. */
  shouhu_worker_list_set_filter (list, 0, "6888");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 0, "abc");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 0, "小明");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  /* The hospital matches all; a district narrows. */
  shouhu_worker_list_set_filter (list, 0, "医科大学");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  shouhu_worker_list_set_filter (list, 2, "医科大学");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  shouhu_worker_list_set_filter (list, 2, "医科大学x");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  shouhu_worker_list_set_filter (list, 1, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  shouhu_worker_list_set_filter (list, 41, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* Typing letter by letter narrows the same way as typing at once. */
  shouhu_worker_list_set_filter (list, 0, "");
  shouhu_worker_list_set_filter (list, 0, "王");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 0, "王芳");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 0, "芳");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (shouhu_worker_list_find_id (list, b, &pos));

  /* 尚未结对: the families without a volunteer, within the district and
   * the search; a sort keeps the filter. */
  shouhu_worker_list_set_filter (list, 0, "");
  shouhu_worker_list_set_unpaired_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (shouhu_worker_list_find_id (list, a, &pos));
  g_assert_false (shouhu_worker_list_find_id (list, b, &pos));
  shouhu_worker_list_set_filter (list, 0, "陈");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 2, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  shouhu_worker_list_set_filter (list, 1, "");
  shouhu_worker_list_set_sort (list, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  shouhu_worker_list_set_unpaired_only (list, FALSE);
  shouhu_worker_list_set_filter (list, 0, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex2/validate", test_validate);
  g_test_add_func ("/annex2/save", test_save_and_store_normalised);
  g_test_add_func ("/annex2/duplicate", test_duplicate);
  g_test_add_func ("/annex2/pairing-shapes", test_pairing_shapes);
  g_test_add_func ("/annex2/history", test_history);
  g_test_add_func ("/annex2/undo-delete", test_undo_delete);
  g_test_add_func ("/annex2/undo-delete-read-failure", test_undo_delete_read_failure);
  g_test_add_func ("/annex2/volunteer", test_volunteer);
  g_test_add_func ("/annex2/edit-conflict", test_edit_conflict);
  g_test_add_func ("/annex2/index-search", test_index_search);

  return g_test_run ();
}

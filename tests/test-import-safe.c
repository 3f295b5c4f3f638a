/* test-import-safe.c — importing never loses data
 *
 * Forms as districts send them again and again (动态更新管理), made here
 * with openpyxl (make-annex2-form.py): misspelt and missing headings,
 * edited rows, deleted rows, likely duplicates, other districts' names,
 * cells shown through number formats, and a write that another program
 * overtakes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-import.h"
#include "shouhu-import-event.h"
#include "shouhu-test-util.h"
#include "shouhu-import-private.h"
#include "shouhu-store-private.h"

#include <string.h>

static char *tmp_dir;

#define HEADS "[\"序号\", \"医院\", \"姓名\", \"性别\", \"职务\", \"一线工作具体地点\", \"家庭地址\", " \
              "\"本人联系电话\", \"家属联系电话\", \"结对志愿者\", \"备注\"]"
#define LINE "\"区县：渝中区　填报人：张三　联系电话：023-63891234\""

/* Three workers of 渝中区, every field filled. */
#define ROWS \
  "[[1, \"市人民医院\", \"李四\", \"男\", \"护士\", \"隔离病房\", \"渝中区解放碑街道1号\", \"13812345678\", " \
  "  \"13900000001\", \"王五 13700000001\", \"\"]," \
  " [2, \"市中医院\", \"赵六\", \"女\", \"医师\", \"发热门诊\", \"渝中区七星岗街道2号\", \"13812345679\", " \
  "  \"13900000002\", \"钱七 13700000002\", \"援鄂\"]," \
  " [3, \"市急救中心\", \"孙八\", \"女\", \"护师\", \"急诊\", \"渝中区大坪街道3号\", \"13812345670\", " \
  "  \"13900000003\", \"王五 13700000001\", \"\"]]"

/* ROWS edited: 李四's phone changed; 赵六 is 赵陆 now; 孙八 is gone. */
#define EDITED_ROWS \
  "[[1, \"市人民医院\", \"李四\", \"男\", \"护士\", \"隔离病房\", \"渝中区解放碑街道1号\", \"13811112222\", " \
  "  \"13900000001\", \"王五 13700000001\", \"\"]," \
  " [2, \"市中医院\", \"赵陆\", \"女\", \"医师\", \"发热门诊\", \"渝中区七星岗街道2号\", \"13812345679\", " \
  "  \"13900000002\", \"钱七 13700000002\", \"援鄂\"]]"

static char *
make_form (const char *file_name,
           const char *sheets_json)
{
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autofree char *spec_path = g_strconcat (path, ".json", NULL);
  g_autofree char *spec = g_strdup_printf ("{\"sheets\": %s}", sheets_json);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "make-annex2-form.py", NULL);
  const char *python = g_getenv ("PYTHON_WITH_OPENPYXL");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, path, spec_path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (spec_path, spec, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("make-annex2-form.py failed: %s", err);
  return g_steal_pointer (&path);
}

static char *
one_sheet (const char *title,
           const char *line,
           const char *heads,
           const char *rows)
{
  return g_strdup_printf ("[{\"title\": \"%s\", \"line\": %s, \"heads\": %s, \"rows\": %s}]", title, line, heads, rows);
}

static ShouhuImport *
preview (ShouhuStore *store,
         const char  *path)
{
  g_autoptr(GError) error = NULL;
  ShouhuImport *import = shouhu_import_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ANNEX2);
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < import->annex2->rejected->len; i++)
    g_test_message ("rejected: %s", ((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, i))->reason);
  for (guint i = 0; i < import->annex2->notes->len; i++)
    g_test_message ("note: %s", (const char *) g_ptr_array_index (import->annex2->notes, i));
  return import;
}

static void
import_all (ShouhuStore *store,
            const char  *path)
{
  g_autoptr(ShouhuImport) import = preview (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (import->annex2->n_rejected, ==, 0);
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
}

static char *
query_text (ShouhuStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (shouhu_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Everything Annex 2 holds but the history, as one string. */
static char *
dump (ShouhuStore *store)
{
  return query_text (store,
    "SELECT coalesce ((SELECT group_concat (id || ',' || district_id || ',' || hospital || ',' || name || ','"
    "   || gender || ',' || title || ',' || work_place || ',' || home_address || ',' || phone || ','"
    "   || family_phone || ',' || note, ';') FROM (SELECT * FROM worker ORDER BY id)), '') || '|' ||"
    " coalesce ((SELECT group_concat (worker_id || ',' || volunteer_id, ';')"
    "   FROM (SELECT * FROM pairing ORDER BY 1, 2)), '')");
}

static const ShouhuAnnex2ImportChange *
change_of_row (const ShouhuAnnex2Import *import,
               guint                     row)
{
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *c = g_ptr_array_index (import->changes, i);

      if (c->row->row == row)
        return c;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
notes_mention (const ShouhuAnnex2Import *import,
               const char               *text)
{
  for (guint i = 0; i < import->notes->len; i++)
    if (strstr (g_ptr_array_index (import->notes, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* 家庭地址 typed 家庭住宅, no 结对志愿者 and no 家属联系电话 column: a
 * re-import onto the filled database erases nothing, and says why. */
static void
test_misspelt_heading (void)
{
  g_autofree char *full_sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *full = make_form ("full.xlsx", full_sheets);
  g_autofree char *misspelt_sheets = one_sheet ("渝中", LINE,
    "[\"序号\", \"医院\", \"姓名\", \"性别\", \"职务\", \"一线工作具体地点\", \"家庭住宅\", \"本人联系电话\", \"备注\"]",
    "[[1, \"市人民医院\", \"李四\", \"男\", \"护士\", \"隔离病房\", \"别处\", \"13812345678\", \"\"],"
    " [2, \"市中医院\", \"赵六\", \"女\", \"医师\", \"发热门诊\", \"别处\", \"13812345679\", \"援鄂\"],"
    " [3, \"市急救中心\", \"孙八\", \"女\", \"护师\", \"急诊\", \"别处\", \"13812345670\", \"\"]]");
  g_autofree char *misspelt = make_form ("misspelt.xlsx", misspelt_sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const ShouhuAnnex2ImportForm *form;

  import_all (store, full);
  before = dump (store);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 3);

  import = preview (store, misspelt);
  g_assert_cmpuint (import->annex2->n_rejected, ==, 0);
  g_assert_cmpuint (import->annex2->n_unchanged, ==, 3);
  g_assert_cmpuint (import->annex2->n_updated, ==, 0);
  g_assert_cmpuint (import->annex2->missing->len, ==, 0);
  form = g_ptr_array_index (import->annex2->forms, 0);
  g_assert_false (form->present & (1u << SHOUHU_ANNEX2_FIELD_HOME_ADDRESS));
  g_assert_false (form->present & (1u << SHOUHU_ANNEX2_FIELD_VOLUNTEERS));
  g_assert_cmpuint (form->ignored->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (form->ignored, 0), ==, "家庭住宅 (G4)");
  g_assert_true (notes_mention (import->annex2, "家庭住宅"));
  g_assert_true (notes_mention (import->annex2, "家庭地址"));
  g_assert_true (notes_mention (import->annex2, "结对志愿者"));
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);

  /* 家庭住址 is a way of writing 家庭地址: the addresses are updated, and
   * an empty cell of a present column is a change, shown as one. */
  {
    g_autofree char *variant_sheets = one_sheet ("渝中", LINE,
      "[\"序号\", \"医院\", \"姓名\", \"性别\", \"家庭住址\", \"手机号码\", \"家属电话\"]",
      "[[1, \"市人民医院\", \"李四\", \"男\", \"渝中区解放碑街道9号\", \"13812345678\", \"13900000001\"],"
      " [2, \"市中医院\", \"赵六\", \"女\", \"渝中区七星岗街道2号\", \"13812345679\", null],"
      " [3, \"市急救中心\", \"孙八\", \"女\", \"渝中区大坪街道3号\", \"13812345670\", \"13900000003\"]]");
    g_autofree char *variant = make_form ("variant.xlsx", variant_sheets);
    g_autoptr(ShouhuImport) again = preview (store, variant);
    const ShouhuAnnex2ImportChange *c;
    const ShouhuImportFieldChange *fc;

    g_assert_cmpuint (again->annex2->n_updated, ==, 2);
    g_assert_cmpuint (again->annex2->n_unchanged, ==, 1);
    c = change_of_row (again->annex2, 5);
    g_assert_cmpuint (c->fields->len, ==, 1);
    fc = g_ptr_array_index (c->fields, 0);
    g_assert_cmpint (fc->field, ==, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS);
    g_assert_cmpstr (fc->old_value, ==, "渝中区解放碑街道1号");
    g_assert_cmpstr (fc->new_value, ==, "渝中区解放碑街道9号");
    c = change_of_row (again->annex2, 6);
    fc = g_ptr_array_index (c->fields, 0);
    g_assert_cmpint (fc->field, ==, SHOUHU_ANNEX2_FIELD_FAMILY_PHONE);
    g_assert_cmpstr (fc->old_value, ==, "13900000002");
    g_assert_cmpstr (fc->new_value, ==, "");
    g_assert_true (shouhu_import_write (store, again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE home_address = '渝中区解放碑街道9号' "
                                                   "AND title = '护士' AND work_place = '隔离病房'"), ==, 1);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 3);
    /* Per-field history rows, only for what changed, pointing to the import. */
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history h JOIN import_event e "
                                                   "ON e.id = h.import_id WHERE e.file_name = 'variant.xlsx'"), ==, 2);
  }
}

/* A file without a column that a record needs is refused, naming it. */
static void
test_missing_required (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE,
    "[\"序号\", \"单 位 名 称\", \"姓名\", \"性别\", \"家庭地址\", \"本人联系电话\"]",
    "[[1, \"市人民医院\", \"李四\", \"男\", \"渝中区某路1号\", \"13812345678\"]]");
  g_autofree char *path = make_form ("no-hospital.xlsx", sheets);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuImport) import = shouhu_import_from_file (path, &error);

  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“医院”"));
  g_assert_nonnull (strstr (error->message, "no-hospital.xlsx"));
}

/* A re-import where a phone changed, a name was corrected and a row was
 * deleted: likely duplicates to decide about, a missing record kept
 * unless asked, everything with its history. */
static void
test_edited_reimport (void)
{
  g_autofree char *full_sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *full = make_form ("edited-full.xlsx", full_sheets);
  g_autofree char *edited_sheets = one_sheet ("渝中", LINE, HEADS, EDITED_ROWS);
  g_autofree char *edited = make_form ("edited.xlsx", edited_sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const ShouhuAnnex2ImportChange *c;
  const ShouhuImportFieldChange *fc;
  const ShouhuAnnex2ImportMissing *m;
  gint64 li_si, zhao_liu, sun_ba;

  import_all (store, full);
  li_si = shouhu_test_query_int (store, "SELECT id FROM worker WHERE name = '李四'");
  zhao_liu = shouhu_test_query_int (store, "SELECT id FROM worker WHERE name = '赵六'");
  sun_ba = shouhu_test_query_int (store, "SELECT id FROM worker WHERE name = '孙八'");
  before = dump (store);

  import = preview (store, edited);
  g_assert_cmpuint (import->annex2->n_undecided, ==, 2);
  g_assert_cmpuint (import->annex2->n_new, ==, 0);
  c = change_of_row (import->annex2, 5);
  g_assert_cmpint (c->action, ==, SHOUHU_IMPORT_UNDECIDED);
  g_assert_cmpint (c->probable_id, ==, li_si);
  g_assert_nonnull (strstr (c->probable_reason, "家庭地址"));
  fc = g_ptr_array_index (c->fields, 0);
  g_assert_cmpint (fc->field, ==, SHOUHU_ANNEX2_FIELD_PHONE);
  g_assert_cmpstr (fc->old_value, ==, "13812345678");
  g_assert_cmpstr (fc->new_value, ==, "13811112222");
  c = change_of_row (import->annex2, 6);
  g_assert_cmpint (c->probable_id, ==, zhao_liu);
  g_assert_nonnull (strstr (c->probable_reason, "13812345679"));
  fc = g_ptr_array_index (c->fields, 0);
  g_assert_cmpint (fc->field, ==, SHOUHU_ANNEX2_FIELD_NAME);
  g_assert_cmpuint (import->annex2->missing->len, ==, 1);
  m = g_ptr_array_index (import->annex2->missing, 0);
  g_assert_cmpint (m->worker_id, ==, sun_ba);
  g_assert_cmpstr (m->name, ==, "孙八");

  /* Undecided: nothing is written. */
  g_assert_false (shouhu_import_write (store, import, &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_UNDECIDED);
  g_assert_nonnull (strstr (error->message, "李四"));
  g_clear_error (&error);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Decided row by row: 李四 is that record, 赵陆 another person. */
  ((ShouhuAnnex2ImportRow *) change_of_row (import->annex2, 5)->row)->choice = SHOUHU_IMPORT_CHOICE_UPDATE;
  ((ShouhuAnnex2ImportRow *) change_of_row (import->annex2, 6)->row)->choice = SHOUHU_IMPORT_CHOICE_NEW;
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_cmpuint (import->annex2->n_updated, ==, 1);
  g_assert_cmpuint (import->annex2->n_new, ==, 1);
  /* 赵六 is now missing too: 赵陆 is someone else. */
  g_assert_cmpuint (import->annex2->missing->len, ==, 2);
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 4);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '李四' AND "
                                                 "phone = '13811112222'"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history h JOIN import_event e ON e.id = h.import_id "
                                            "WHERE h.entity_id = %" G_GINT64_FORMAT " AND h.field = 'phone' AND "
                                            "h.old_value = '13812345678' AND e.file_name = 'edited.xlsx'", li_si);
    g_autoptr(GPtrArray) history = shouhu_annex2_history (store, "worker", li_si, &error);
    const ShouhuHistoryEntry *first, *last;

    g_assert_cmpint (shouhu_test_query_int (store, sql), ==, 1);
    /* The history tells what happened: created by one import, changed by another. */
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 2);
    first = g_ptr_array_index (history, 0);
    last = g_ptr_array_index (history, 1);
    g_assert_cmpstr (first->action, ==, "create");
    g_assert_cmpstr (first->import_file, ==, "edited-full.xlsx");
    g_assert_cmpstr (last->field, ==, "phone");
    g_assert_cmpstr (last->import_file, ==, "edited.xlsx");
  }

  /* Asked to, the write removes the missing records, with history. */
  {
    g_autoptr(ShouhuImport) again = preview (store, edited);

    g_assert_cmpuint (again->annex2->n_unchanged, ==, 2);
    g_assert_cmpuint (again->annex2->missing->len, ==, 2);
    again->annex2->remove_missing = TRUE;
    g_assert_true (shouhu_import_write (store, again, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (again->annex2->n_removed, ==, 2);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 2);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE action = 'delete' AND "
                                                   "field IS NULL AND old_value IN ('赵六', '孙八') AND import_id = "
                                                   "(SELECT max (id) FROM import_event)"), ==, 2);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT n_removed FROM import_event ORDER BY id DESC LIMIT 1"),
                     ==, 2);
  }
}

/* Another program adds the person between preview and write: the write
 * fails whole, naming the row; nothing is dropped silently. */
static void
test_write_time_rejection (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *path = make_form ("overtaken.xlsx", sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = preview (store, path);
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (import->annex2->n_new, ==, 3);
  /* 赵六, same phone, in 江北区: the row is now rejected. */
  w->district_id = shouhu_district_lookup ("江北区")->id;
  g_free (w->hospital); w->hospital = g_strdup ("江北区人民医院");
  g_free (w->name); w->name = g_strdup ("赵六");
  g_free (w->gender); w->gender = g_strdup ("女");
  g_free (w->phone); w->phone = g_strdup ("13812345679");
  g_assert_cmpint (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error), !=, 0);
  g_assert_no_error (error);

  g_assert_false (shouhu_import_write (store, import, &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "row 6"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM import_event"), ==, 0);
}

static gboolean
preview_holds (ShouhuStore  *store,
               ShouhuImport *import)
{
  g_autoptr(GError) error = NULL;
  gboolean holds = FALSE;

  g_assert_true (shouhu_import_annex2_preview_holds (store, import->annex2, &holds, NULL, &error));
  g_assert_no_error (error);
  return holds;
}

/* The write takes the preview as it is only while nothing changed since:
 * not the database, through this connection or another one, and no
 * decision about a likely duplicate. */
static void
test_preview_holds (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *path = make_form ("holds.xlsx", sheets);
  g_autofree char *edited_sheets = one_sheet ("渝中", LINE, HEADS, EDITED_ROWS);
  g_autofree char *edited = make_form ("holds-edited.xlsx", edited_sheets);
  g_autofree char *db_path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);
  g_autoptr(ShouhuStore) other = NULL;
  g_autoptr(ShouhuImport) import = preview (store, path);
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (db_path);

  g_assert_true (preview_holds (store, import));
  /* Another program adds 赵六 in 江北区, with the phone of the form's
   * 赵六: that row is rejected now, and the write says so. */
  other = shouhu_store_open (db_path, &error);
  g_assert_no_error (error);
  w->district_id = shouhu_district_lookup ("江北区")->id;
  g_free (w->hospital); w->hospital = g_strdup ("江北区人民医院");
  g_free (w->name); w->name = g_strdup ("赵六");
  g_free (w->gender); w->gender = g_strdup ("女");
  g_free (w->phone); w->phone = g_strdup ("13812345679");
  g_assert_cmpint (shouhu_annex2_save_worker (other, w, NULL, 0, FALSE, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_false (preview_holds (store, import));
  g_assert_false (shouhu_import_write (store, import, &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "row 6"));
  g_assert_nonnull (strstr (error->message, "another window"));
  g_clear_error (&error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 1);

  /* Previewed again (赵六's row rejected), written: a written preview
   * holds no more. */
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_true (preview_holds (store, import));
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  g_assert_false (preview_holds (store, import));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 3);
  g_clear_pointer (&import, shouhu_import_free);
  g_clear_object (&other);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);

  /* Decisions made after the preview, without another one: the write
   * previews again, finds rows that would not be written as shown, and
   * writes nothing until they are shown. */
  store = shouhu_test_new_store (NULL);
  import_all (store, path);
  import = preview (store, edited);
  g_assert_cmpuint (import->annex2->n_undecided, ==, 2);
  g_assert_true (preview_holds (store, import));
  ((ShouhuAnnex2ImportRow *) change_of_row (import->annex2, 5)->row)->choice = SHOUHU_IMPORT_CHOICE_UPDATE;
  g_assert_false (preview_holds (store, import));
  import->annex2->duplicates = SHOUHU_IMPORT_CHOICE_NEW;
  g_assert_false (shouhu_import_write (store, import, &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_CHANGED);
  /* Said as it is: no other program wrote. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "decisions about likely duplicates changed"));
  g_assert_null (strstr (error->message, "another window"));
  g_clear_error (&error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '赵陆'"), ==, 0);
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_true (preview_holds (store, import));
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->annex2->n_updated, ==, 1);
  g_assert_cmpuint (import->annex2->n_new, ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '李四' AND "
                                                 "phone = '13811112222'"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '赵陆'"), ==, 1);
}

/* A row the database refuses while the import writes (here a trigger
 * refuses it) fails the whole import, naming that row, whether the
 * worker, a new volunteer or a pairing is refused; nothing is written,
 * and the same import goes in once the cause is gone. */
static void
test_write_failure_named (void)
{
  static const struct
  {
    const char *trigger;
    const char *row;
  } refusals[] = {
    { "BEFORE INSERT ON worker WHEN NEW.name = '孙八'", "row 7" },
    { "BEFORE INSERT ON volunteer WHEN NEW.name = '钱七'", "row 6" },
    { "BEFORE INSERT ON pairing WHEN (SELECT name FROM worker WHERE id = NEW.worker_id) = '孙八'", "row 7" },
  };
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *path = make_form ("refused.xlsx", sheets);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
      g_autoptr(ShouhuImport) import = preview (store, path);
      g_autoptr(GError) error = NULL;
      g_autofree char *trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse %s BEGIN "
                                                  "SELECT RAISE (ABORT, 'refused here'); END",
                                                  refusals[i].trigger);

      g_assert_true (shouhu_store_exec (store, trigger, &error));
      g_assert_no_error (error);
      g_assert_false (shouhu_import_write (store, import, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, refusals[i].row));
      g_assert_nonnull (strstr (error->message, "refused here"));
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 0);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 0);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 0);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM import_event"), ==, 0);
      /* Every index is there, the deferred ones too. */
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                                     "AND name = 'worker_name_phone'"), ==, 1);

      g_clear_error (&error);
      g_assert_true (shouhu_store_exec (store, "DROP TRIGGER refuse", &error));
      g_assert_true (shouhu_import_write (store, import, &error));
      g_assert_no_error (error);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 3);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 3);
    }
}

/* Paired volunteers written every way, with their phones in a column of
 * their own. */
static void
test_volunteers (void)
{
  static const struct
  {
    const char *names, *phones, *expected;
  } examples[] = {
    { "张三、李四", NULL, "张三|李四|" },
    { "张三，李四,王五;赵六；钱七", NULL, "张三|李四|王五|赵六|钱七|" },
    { "张三 李四", NULL, "张三|李四|" },
    { "王  廿", NULL, "王廿|" },
    { "王　廿、张 三 李四", NULL, "王廿|张三|李四|" },
    { "张三 13812345678、李四（13912345678）", NULL, "张三 13812345678|李四 13912345678|" },
    { "张三13812345678 李四", NULL, "张三 13812345678|李四|" },
    { "张三、李四", "13812345678、13912345678", "张三 13812345678|李四 13912345678|" },
    { "张三 李四 王五", "13812345678 13912345678", "张三 13812345678|李四 13912345678|王五|" },
    { "John Smith、李四", NULL, "John Smith|李四|" },
    { "", NULL, "" },
    /* What most forms hold, and what is nearly that. */
    { "王五", NULL, "王五|" },
    { "欧阳娜娜 13700000001", NULL, "欧阳娜娜 13700000001|" },
    { "王五 13700000001、李四、赵六13912345678", NULL, "王五 13700000001|李四|赵六 13912345678|" },
    { "王五  13700000001", NULL, "王五 13700000001|" },
    { "王五 13700000001 ", NULL, "王五 13700000001|" },
    { "王五、", NULL, "王五|" },
    { "王 五", NULL, "王五|" },
    { "王五 李四", NULL, "王五|李四|" },
    { "王五 023-68881234", NULL, "王五 023-68881234|" },
    { "王五 68881234", NULL, "王五 023-68881234|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *reason = NULL;
      g_autofree char *found = shouhu_import_parse_volunteers (examples[i].names, examples[i].phones, &reason);
      g_auto(GStrv) list = g_strsplit (found, "\x1e", -1);
      g_autoptr(GString) got = g_string_new (NULL);

      g_assert_null (reason);
      for (guint v = 0; *found != '\0' && list[v] != NULL; v++)
        {
          g_auto(GStrv) pair = g_strsplit (list[v], "\x1f", 2);

          g_string_append_printf (got, "%s%s%s|", pair[0], *pair[1] != '\0' ? " " : "", pair[1]);
        }
      g_test_message ("%s + %s → %s", examples[i].names, examples[i].phones, got->str);
      g_assert_cmpstr (got->str, ==, examples[i].expected);
    }
  {
    g_autofree char *reason = NULL;

    g_assert_null (shouhu_import_parse_volunteers ("张三", "13812345678、13912345678", &reason));
    g_assert_nonnull (strstr (reason, "结对志愿者联系电话"));
    g_clear_pointer (&reason, g_free);
    g_assert_null (shouhu_import_parse_volunteers ("张三 13812345678", "13912345678", &reason));
    g_assert_nonnull (strstr (reason, "张三"));
  }
}

/* In a form: the phones column fills the volunteers' phones. */
static void
test_volunteer_phones (void)
{
  {
    g_autofree char *sheets = one_sheet ("渝中", LINE,
      "[\"序号\", \"医院\", \"姓名\", \"性别\", \"本人联系电话\", \"结对志愿者\", \"结对志愿者联系电话\"]",
      "[[1, \"市人民医院\", \"李四\", \"男\", \"13812345678\", \"王  廿、钱七\", \"13700000001，13700000002\"]]");
    g_autofree char *path = make_form ("volunteer-phones.xlsx", sheets);
    g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);

    import_all (store, path);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer WHERE "
                                                   "(name = '王廿' AND phone = '13700000001') OR "
                                                   "(name = '钱七' AND phone = '13700000002')"), ==, 2);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 2);
  }
}

/* 区县 written in full is recognised; a sheet named for one district
 * whose 区县 line says another is refused with both names. */
static void
test_districts (void)
{
  g_autofree char *full_sheets = g_strdup_printf (
    "[{\"title\": \"Sheet1\", \"line\": \"区县：万盛经济技术开发区\", \"heads\": %s, \"rows\": "
    "  [[1, \"万盛人民医院\", \"甲\", \"男\", \"\", \"\", \"\", \"13800000001\", \"\", \"\", \"\"]]},"
    " {\"title\": \"Sheet2\", \"line\": \"区县：重庆市渝中区\", \"heads\": %s, \"rows\": "
    "  [[1, \"市人民医院\", \"乙\", \"女\", \"\", \"\", \"\", \"13800000002\", \"\", \"\", \"\"]]},"
    " {\"title\": \"重庆高新区\", \"line\": \"区县：重庆高新区\", \"heads\": %s, \"rows\": "
    "  [[1, \"高新医院\", \"丙\", \"女\", \"\", \"\", \"\", \"13800000003\", \"\", \"\", \"\"]]},"
    " {\"title\": \"两江\", \"line\": \"区县：重庆两江新区\", \"heads\": %s, \"rows\": "
    "  [[1, \"两江医院\", \"丁\", \"女\", \"\", \"\", \"\", \"13800000004\", \"\", \"\", \"\"]]}]",
    HEADS, HEADS, HEADS, HEADS);
  g_autofree char *full = make_form ("full-names.xlsx", full_sheets);
  g_autofree char *mismatch_sheets = one_sheet ("江北", "\"区县：渝中区\"", HEADS,
    "[[1, \"市人民医院\", \"乙\", \"女\", \"\", \"\", \"\", \"13800000002\", \"\", \"\", \"\"]]");
  g_autofree char *mismatch = make_form ("mismatch.xlsx", mismatch_sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuImport) refused = NULL;

  import_all (store, full);
  {
    g_autofree char *ids = query_text (store, "SELECT group_concat (district_id, ',') FROM "
                                              "(SELECT district_id FROM worker ORDER BY id)");
    g_assert_cmpstr (ids, ==, "41,4,40,39");
  }
  refused = shouhu_import_from_file (mismatch, &error);
  g_assert_null (refused);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "江北区"));
  g_assert_nonnull (strstr (error->message, "渝中区"));
}

/* Cells as the spreadsheet shows them; hidden rows and sheets reported;
 * control characters removed; an over-long cell named by its reference. */
static void
test_cells_as_shown (void)
{
  g_autofree char *sheets = g_strdup_printf (
    "[{\"title\": \"渝中\", \"line\": " LINE ", \"heads\": %s, \"rows\": "
    "  [[1, \"市人民医院\", \"甲\", \"男\", 0.5, \"\", \"\", \"13800000001\", \"\", \"\", 43871],"
    "   [2, \"市人民医院\", \"乙\", \"女\", \"\", \"\", \"\", \"13800000002\", \"\", \"\", {\"date\": \"2020-02-07\"}],"
    "   [3, \"市人民医院\", \"%s\", \"女\", \"\", \"\", \"\", \"13800000003\", \"\", \"\", \"\"]],"
    "  \"formats\": {\"E5\": \"0%%\", \"K5\": \"m\\\"月\\\"d\\\"日\\\"\", \"K6\": \"yyyy\\\"年\\\"m\\\"月\\\"d\\\"日\\\"\"},"
    "  \"hidden_rows\": [6]},"
    " {\"title\": \"旧表\", \"line\": " LINE ", \"heads\": %s, \"rows\": [], \"hidden\": true}]",
    HEADS, "长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长", HEADS);
  g_autofree char *path = make_form ("shown.xlsx", sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = preview (store, path);
  g_autoptr(GError) error = NULL;
  const ShouhuImportRejection *r;

  g_assert_cmpuint (import->annex2->n_rejected, ==, 1);
  r = g_ptr_array_index (import->annex2->rejected, 0);
  g_assert_cmpuint (r->row, ==, 7);
  g_assert_nonnull (strstr (r->reason, "C7"));
  g_assert_nonnull (strstr (r->reason, "姓名"));
  g_assert_true (notes_mention (import->annex2, "旧表"));
  g_assert_true (notes_mention (import->annex2, "(6)"));
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '甲' AND "
                                                 "title = '50%' AND note = '2月10日'"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '乙' AND "
                                                 "note = '2020年2月7日'"), ==, 1);
}

/* Control characters never reach the store; a NUL does not cut a name. */
static void
test_control_characters (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS,
    "[[1, \"市人民医院\", \"NAME1\", \"男\", \"\", \"\", \"ADDR1\", \"13800000001\", \"\", \"\", \"\"]]");
  g_autofree char *path = make_form ("control.xlsx", sheets);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import zipfile, shutil\n"
    "src = %s; tmp = src + '.tmp'\n"
    "zin = zipfile.ZipFile(src); zout = zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED)\n"
    "for item in zin.infolist():\n"
    "    data = zin.read(item.filename)\n"
    "    data = data.replace(b'NAME1', '王_x0000_五'.encode()).replace(b'ADDR1', '渝中区_x001B_[31m某路_x0007_1号'.encode())\n"
    "    zout.writestr(item, data)\n"
    "zout.close(); shutil.move(tmp, src)\n", quoted);
  const char *python = g_getenv ("PYTHON_WITH_OPENPYXL");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", "-c", script, NULL };
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  import_all (store, path);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '王五' AND "
                                                 "home_address = '渝中区[31m某路1号'"), ==, 1);
}

/* A million broken rows stay cheap: the first are listed, all counted. */
static void
test_rejections_counted (void)
{
  g_autoptr(GString) rows = g_string_new ("[");
  g_autofree char *sheets = NULL, *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;

  for (guint i = 0; i < SHOUHU_IMPORT_MAX_LISTED + 200; i++)
    g_string_append_printf (rows, "%s[%u, \"市人民医院\", \"甲%u\", \"未知\", \"\", \"\", \"\", \"\", \"\", \"\", \"\"]",
                            i > 0 ? "," : "", i + 1, i);
  g_string_append (rows, "]");
  sheets = one_sheet ("渝中", LINE, HEADS, rows->str);
  path = make_form ("broken.xlsx", sheets);
  import = preview (store, path);
  g_assert_cmpuint (import->annex2->rejected->len, ==, SHOUHU_IMPORT_MAX_LISTED);
  g_assert_cmpuint (import->annex2->n_rejected, ==, SHOUHU_IMPORT_MAX_LISTED + 200);
  g_assert_cmpuint (shouhu_import_n_rejected (import), ==, SHOUHU_IMPORT_MAX_LISTED + 200);
}

static int
run_cli (const char  *db_path,
         const char  *file,
         const char  *option,
         char       **out)
{
  const char *argv[] = { g_getenv ("SHOUHU_BIN"), "--database", db_path, "--import", file, option, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *std_out = NULL, *std_err = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &std_out, &std_err, &status, &error);
  g_assert_no_error (error);
  *out = g_strconcat (std_out, std_err, NULL);
  g_test_message ("%s", *out);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* The command line shows every change field by field, stops at likely
 * duplicates unless told, and removes missing records only when asked. */
static void
test_cli (void)
{
  g_autofree char *full_sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *full = make_form ("cli-full.xlsx", full_sheets);
  g_autofree char *edited_sheets = one_sheet ("渝中", LINE, HEADS,
    "[[1, \"市人民医院\", \"李四\", \"男\", \"主管护师\", \"隔离病房\", \"渝中区解放碑街道1号\", \"13812345678\", "
    "  \"13900000001\", \"王五 13700000001\", \"\"],"
    " [2, \"市中医院\", \"赵陆\", \"女\", \"医师\", \"发热门诊\", \"渝中区七星岗街道2号\", \"13812345679\", "
    "  \"13900000002\", \"钱七 13700000002\", \"援鄂\"]]");
  g_autofree char *edited = make_form ("cli-edited.xlsx", edited_sheets);
  g_autofree char *db_path = NULL, *out = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);

  g_clear_object (&store);
  g_assert_cmpint (run_cli (db_path, full, NULL, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (db_path, edited, NULL, &out), !=, 0);
  g_assert_nonnull (strstr (out, "--duplicates"));
  g_assert_nonnull (strstr (out, "“护士” → “主管护师”"));
  g_assert_nonnull (strstr (out, "“赵六” → “赵陆”"));
  g_assert_nonnull (strstr (out, "在库中但不在此文件中"));
  g_assert_nonnull (strstr (out, "孙八"));
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE title = '主管护师'"), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (run_cli (db_path, edited, "--duplicates=update", &out), ==, 0);
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '赵陆' OR "
                                                 "title = '主管护师'"), ==, 2);
  g_clear_object (&store);

  g_assert_cmpint (run_cli (db_path, edited, "--remove-missing", &out), ==, 0);
  g_assert_nonnull (strstr (out, "1 removed"));
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '孙八'"), ==, 0);
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    shouhu_test_rm_rf (dir);
  }
}

/* The events a figures page reads: one per import written. */
static void
test_events (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *path = make_form ("events.xlsx", sheets);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const ShouhuImportEvent *e;

  import_all (store, path);
  import_all (store, path);
  events = shouhu_import_event_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->kind, ==, "annex2");
  g_assert_cmpstr (e->file_name, ==, "events.xlsx");
  g_assert_cmpuint (strlen (e->sha256), ==, 64);
  g_assert_cmpuint (e->n_new, ==, 3);
  e = g_ptr_array_index (events, 1);
  g_assert_cmpuint (e->n_new, ==, 0);
  g_assert_cmpuint (e->n_unchanged, ==, 3);
  /* The same file: the same digest. */
  g_assert_cmpstr (e->sha256, ==, ((ShouhuImportEvent *) g_ptr_array_index (events, 0))->sha256);
}

/* A form re-saved by LibreOffice (another writer of xlsx: shared
 * strings, styles, its own dimensions) reads as the same rows. */
static void
test_libreoffice (void)
{
  g_autofree char *sheets = one_sheet ("渝中", LINE, HEADS, ROWS);
  g_autofree char *path = make_form ("openpyxl.xlsx", sheets);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "resaved", NULL);
  g_autofree char *profile = g_build_filename (tmp_dir, "lo-profile", NULL);
  g_autofree char *profile_url = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_url);
  g_autofree char *resaved = g_build_filename (out_dir, "openpyxl.xlsx", NULL);
  const char *argv[] = { "libreoffice", env_arg, "--headless", "--convert-to", "xlsx", "--outdir", out_dir, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) first = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuStore) second = shouhu_test_new_store (NULL);
  g_autofree char *a = NULL, *b = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (resaved, G_FILE_TEST_IS_REGULAR));
  import_all (first, path);
  import_all (second, resaved);
  a = dump (first);
  b = dump (second);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (shouhu_test_query_int (second, "SELECT count(*) FROM worker"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *libreoffice = g_find_program_in_path ("libreoffice");
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = shouhu_test_temp_dir ();

  shouhu_test_add_openpyxl ("/import-safe/misspelt-heading", test_misspelt_heading);
  shouhu_test_add_openpyxl ("/import-safe/missing-required", test_missing_required);
  shouhu_test_add_openpyxl ("/import-safe/edited-reimport", test_edited_reimport);
  shouhu_test_add_openpyxl ("/import-safe/write-time-rejection", test_write_time_rejection);
  shouhu_test_add_openpyxl ("/import-safe/preview-holds", test_preview_holds);
  shouhu_test_add_openpyxl ("/import-safe/write-failure-named", test_write_failure_named);
  shouhu_test_add ("/import-safe/volunteers", test_volunteers);
  shouhu_test_add_openpyxl ("/import-safe/volunteer-phones", test_volunteer_phones);
  shouhu_test_add_openpyxl ("/import-safe/districts", test_districts);
  shouhu_test_add_openpyxl ("/import-safe/cells-as-shown", test_cells_as_shown);
  shouhu_test_add_openpyxl ("/import-safe/control-characters", test_control_characters);
  shouhu_test_add_openpyxl ("/import-safe/rejections-counted", test_rejections_counted);
  shouhu_test_add_openpyxl ("/import-safe/cli", test_cli);
  shouhu_test_add_openpyxl ("/import-safe/events", test_events);
  /* Where LibreOffice is installed: too big a package for every machine
   * that runs the tests. */
  if (libreoffice != NULL)
    shouhu_test_add_openpyxl ("/import-safe/libreoffice", test_libreoffice);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

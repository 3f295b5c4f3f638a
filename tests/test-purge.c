/* test-purge.c — erasing personal data: the rows, their history, the bytes
 *
 * The data is entered through the model, so that the history holds what
 * real use leaves: creations, an edit that keeps an old phone number,
 * pairings written on both sides, a delete that keeps a snapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem, posix_openpt */
#define _GNU_SOURCE
#include "config.h"

#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-ledger.h"
#include "shouhu-purge.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define YUZHONG 4
#define WANZHOU 1

typedef struct
{
  char        *dir;
  char        *db;
  ShouhuStore *store;
  gint64       zhang;    /* 渝中区, edited, paired with 甲, 乙 (万州区) and 丁 */
  gint64       li;       /* 渝中区, paired with 丙, then deleted (Undo kept) */
  gint64       liu;      /* 万州区, paired with 乙 */
  gint64       jia, yi, bing, ding;
  gint64       zhang_service;  /* for 张敏's family, by 甲 and 乙 */
  gint64       liu_service;    /* for 刘伟's family, by 乙 and 甲 of 渝中区 */
  gint64       annex1_total;
} Fixture;

static gint64
add_volunteer (ShouhuStore *store,
               const char  *name,
               const char  *phone,
               int          district_id)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (v->name);
  v->name = g_strdup (name);
  g_free (v->phone);
  v->phone = g_strdup (phone);
  v->district_id = district_id;
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_worker (ShouhuStore  *store,
            int           district_id,
            const char   *name,
            const char   *phone,
            const gint64 *volunteers,
            gsize         n_volunteers)
{
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (district_id, name, phone);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (w->home_address);
  w->home_address = g_strdup ("重庆市渝中区解放碑街道民族路123号5栋");
  id = shouhu_annex2_save_worker (store, w, volunteers, n_volunteers, FALSE, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_service (ShouhuStore *store,
             gint64       worker_id,
             gint64       volunteer_a,
             gint64       volunteer_b,
             const char  *content)
{
  g_autoptr(ShouhuService) s = shouhu_service_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->worker_id = worker_id;
  shouhu_service_add_volunteer (s, volunteer_a);
  shouhu_service_add_volunteer (s, volunteer_b);
  g_free (s->day);
  s->day = g_strdup ("2020-02-10");
  s->kind = SHOUHU_SERVICE_SUPPLIES;
  s->minutes = 30;
  g_free (s->content);
  s->content = g_strdup (content);
  id = shouhu_ledger_save (store, s, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) zhang = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;

  f->store = shouhu_test_new_store (&f->db);
  f->dir = g_path_get_dirname (f->db);
  g_assert_true (shouhu_annex1_load_notice_figures (f->store, &error));
  f->annex1_total = shouhu_test_query_int (f->store, "SELECT sum (total) FROM annex1_figure");

  f->jia = add_volunteer (f->store, "志愿者甲", "13300001111", YUZHONG);
  f->yi = add_volunteer (f->store, "志愿者乙", "13300002222", WANZHOU);
  f->bing = add_volunteer (f->store, "志愿者丙", "13300003333", 0);
  f->ding = add_volunteer (f->store, "志愿者丁", "13300004444", 0);

  f->zhang = add_worker (f->store, YUZHONG, "张敏", "13812345678",
                         (gint64[]) { f->jia, f->yi, f->ding }, 3);
  f->li = add_worker (f->store, YUZHONG, "李静", "13912345678", (gint64[]) { f->bing }, 1);
  f->liu = add_worker (f->store, WANZHOU, "刘伟", "13698765432", (gint64[]) { f->yi }, 1);
  f->zhang_service = add_service (f->store, f->zhang, f->jia, f->yi, "给张家送降压药");
  f->liu_service = add_service (f->store, f->liu, f->yi, f->jia, "给刘家买菜");
  g_assert_true (shouhu_annex2_set_district_form (f->store, YUZHONG, "王芳", "023-63891234", &error));
  g_assert_true (shouhu_annex2_set_district_form (f->store, WANZHOU, "李强", "13900001111", &error));

  /* An edit: the history keeps the old number. */
  zhang = shouhu_annex2_get_worker (f->store, f->zhang, &error);
  g_free (zhang->phone);
  zhang->phone = g_strdup ("13811112222");
  g_assert_cmpint (shouhu_annex2_save_worker (f->store, zhang, (gint64[]) { f->jia, f->yi, f->ding }, 3,
                                              FALSE, &error), ==, f->zhang);
  g_assert_no_error (error);

  /* A delete with Undo: the history keeps a snapshot. */
  deleted = shouhu_annex2_delete_worker (f->store, f->li, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  shouhu_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Whether @needle is anywhere in the bytes of the database or its log. */
static gboolean
files_contain (const char *db,
               const char *needle)
{
  const char *const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &bytes, &length, NULL) &&
          memmem (bytes, length, needle, strlen (needle)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gint64
history_mentioning (ShouhuStore *store,
                    const char  *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history WHERE old_value LIKE '%%%s%%'"
                                          " OR new_value LIKE '%%%s%%'", text, text);

  return shouhu_test_query_int (store, sql);
}

static void
make_backup_file (Fixture *f)
{
  g_autofree char *backup = g_strconcat (f->db, ".v1-20200207-120000.bak", NULL);

  g_assert_true (g_file_set_contents (backup, "张敏 13812345678", -1, NULL));
}

static gboolean
backup_exists (Fixture *f)
{
  g_autofree char *backup = g_strconcat (f->db, ".v1-20200207-120000.bak", NULL);

  return g_file_test (backup, G_FILE_TEST_EXISTS);
}

/* ---- One district ------------------------------------------------------------ */

static void
test_district (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuPurgeCounts counts, removed;
  const char *gone[] = { "张敏", "李静", "王芳", "志愿者甲", "志愿者丁", "给张家送降压药",
                         "13812345678", "13811112222", "13912345678", "023-63891234",
                         "13300001111", "13300004444" };

  make_backup_file (f);
  g_assert_true (files_contain (f->db, "13812345678"));
  g_assert_true (shouhu_purge_count (f->store, YUZHONG, &counts, &error));
  g_assert_no_error (error);
  /* 张敏 (李静 was deleted before); 甲 of 渝中区 and 丁, who guards only
   * 渝中区; 张敏's three pairings; 渝中区's form header. */
  g_assert_cmpint (counts.workers, ==, 1);
  g_assert_cmpint (counts.volunteers, ==, 2);
  g_assert_cmpint (counts.pairings, ==, 3);
  g_assert_cmpint (counts.services, ==, 1);
  g_assert_cmpint (counts.forms, ==, 1);
  g_assert_cmpint (counts.history, >, 10);
  g_assert_cmpuint (counts.backups, ==, 1);
  /* Counting changed nothing. */
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker"), ==, 2);

  g_assert_true (shouhu_purge_personal (f->store, YUZHONG, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&removed, sizeof removed, &counts, sizeof counts);

  /* What is left: 万州区, its volunteer 乙 (who also guarded 张敏), 丙. */
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker WHERE district_id = 4"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM volunteer"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM pairing"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM district_form WHERE district_id = 4"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM district_form WHERE district_id = 1"), ==, 1);
  /* 刘伟's service stays, without 甲, who was erased. */
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT group_concat (volunteer_id) FROM service_volunteer"
                                            " WHERE service_id = %" G_GINT64_FORMAT, f->liu_service);
    g_assert_cmpint (shouhu_test_query_int (f->store, sql), ==, f->yi);
  }
  g_assert_true (files_contain (f->db, "给刘家买菜"));
  g_assert_cmpint (history_mentioning (f->store, "刘伟"), >, 0);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT sum (total) FROM annex1_figure"), ==, f->annex1_total);
  g_assert_false (backup_exists (f));

  /* Gone from the tables, the history (乙's too) and the file's bytes. */
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_test_message ("%s", gone[i]);
      g_assert_cmpint (history_mentioning (f->store, gone[i]), ==, 0);
      g_assert_false (files_contain (f->db, gone[i]));
    }
  g_assert_true (files_contain (f->db, "刘伟"));
  g_assert_true (files_contain (f->db, "13698765432"));
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), ==, 1);
}

/* The window counts at every choice of district: counting must not wait
 * for (here: fail at once on) another program's write lock. */
static void
test_count_while_writing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuPurgeCounts counts;
  sqlite3 *other = NULL;

  g_assert_true (shouhu_store_exec (f->store, "PRAGMA busy_timeout = 0", NULL));
  g_assert_cmpint (sqlite3_open (f->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (shouhu_purge_count (f->store, YUZHONG, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.workers, ==, 1);

  /* Erasing does take the lock, and says so. */
  g_assert_false (shouhu_purge_personal (f->store, YUZHONG, NULL, &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker"), ==, 2);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* ---- Everything --------------------------------------------------------------- */

static void
test_all (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuPurgeCounts counts;
  const char *gone[] = { "张敏", "李静", "刘伟", "王芳", "李强", "志愿者",
                         "13812345678", "13811112222", "13698765432", "13900001111", "13300002222" };

  g_assert_true (shouhu_purge_personal (f->store, 0, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.workers, ==, 2);
  g_assert_cmpint (counts.volunteers, ==, 4);
  g_assert_cmpint (counts.services, ==, 2);
  g_assert_cmpint (counts.forms, ==, 2);
  for (const char *const *t = (const char *const[]) { "worker", "volunteer", "pairing", "district_form",
                                                      "service", "service_volunteer", "history",
                                                      NULL }; *t; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", *t);
      g_assert_cmpint (shouhu_test_query_int (f->store, sql), ==, 0);
    }
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT sum (total) FROM annex1_figure"), ==, f->annex1_total);
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_false (files_contain (f->db, gone[i]));

  /* A second purge finds nothing. */
  g_assert_true (shouhu_purge_count (f->store, 0, &counts, &error));
  g_assert_true (shouhu_purge_is_empty (&counts));
}

/* ---- 彻底删除: one record and its history ------------------------------------- */

static void
test_worker (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (shouhu_purge_worker (f->store, f->zhang, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker"), ==, 1);
  /* The ledger's service for the family goes with it, not 刘伟's. */
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM service"), ==, 1);
  g_assert_false (files_contain (f->db, "给张家送降压药"));
  g_assert_true (files_contain (f->db, "给刘家买菜"));
  history = shouhu_annex2_history (f->store, "worker", f->zhang, &error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Its volunteers stay, with their own history, but not the rows that
   * name it. */
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM volunteer"), ==, 4);
  history = shouhu_annex2_history (f->store, "volunteer", f->yi, &error);
  g_assert_cmpuint (history->len, >, 0);
  for (guint i = 0; i < history->len; i++)
    {
      const ShouhuHistoryEntry *e = history->pdata[i];
      g_assert_cmpstr (e->old_value, !=, "张敏");
      g_assert_cmpstr (e->new_value, !=, "张敏");
    }
  g_assert_cmpint (history_mentioning (f->store, "张敏"), ==, 0);
  /* Nothing of the others: the deleted 李静 keeps her snapshot. */
  g_assert_cmpint (history_mentioning (f->store, "李静"), >, 0);
  g_assert_cmpint (history_mentioning (f->store, "刘伟"), >, 0);

  /* The bytes: the row, the old number in the history, the index. */
  g_assert_false (files_contain (f->db, "张敏"));
  g_assert_false (files_contain (f->db, "13812345678"));
  g_assert_false (files_contain (f->db, "13811112222"));
  g_assert_true (files_contain (f->db, "13698765432"));

  g_assert_false (shouhu_purge_worker (f->store, f->zhang, &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_NOT_FOUND);
}

/* ---- The command line --------------------------------------------------------- */

/* A terminal for the program's stdin (returned), with @answer already
 * typed on it; close @master once the program is done. */
static int
terminal_with_answer (const char *answer,
                      int        *master)
{
  int slave;

  *master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (*master, >=, 0);
  g_assert_no_errno (grantpt (*master));
  g_assert_no_errno (unlockpt (*master));
  slave = open (ptsname (*master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);
  g_assert_cmpint (write (*master, answer, strlen (answer)), ==, (gssize) strlen (answer));
  return slave;
}

static gint64
count_workers (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = shouhu_store_open (db, &error);

  g_assert_no_error (error);
  return shouhu_test_query_int (store, "SELECT count(*) FROM worker");
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *ask[] = { "--database", f->db, "--purge-personal", NULL };
  const char *district[] = { "--database", f->db, "--purge-personal", "--district", "万州", "--yes", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int master = -1;

  g_clear_object (&f->store);

  /* No terminal to ask, no --yes: refused. */
  g_assert_cmpint (shouhu_test_run_cli (ask, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Records of frontline workers: 2"));
  g_assert_nonnull (strstr (out, "Volunteers: 4"));
  g_assert_nonnull (strstr (err, "--yes"));
  g_assert_cmpint (count_workers (f->db), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Asked on a terminal: anything but "yes" keeps the data. */
  g_assert_cmpint (shouhu_test_run_cli_full (ask, NULL, terminal_with_answer ("y\n", &master), &out, &err), ==, 1);
  close (master);
  g_assert_nonnull (strstr (out, "Type “yes”"));
  g_assert_cmpint (count_workers (f->db), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --district with --yes: that district only. */
  g_assert_cmpint (shouhu_test_run_cli (district, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "万州区"));
  g_assert_cmpint (count_workers (f->db), ==, 1);
  g_assert_false (files_contain (f->db, "刘伟"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* "yes" on the terminal: the rest. */
  g_assert_cmpint (shouhu_test_run_cli_full (ask, NULL, terminal_with_answer ("yes\n", &master), &out, &err), ==, 0);
  close (master);
  g_assert_nonnull (strstr (out, "Erased from"));
  g_assert_cmpint (count_workers (f->db), ==, 0);
  g_assert_false (files_contain (f->db, "张敏"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing left to erase. */
  g_assert_cmpint (shouhu_test_run_cli (ask, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "no personal data"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/purge/district", Fixture, NULL, fixture_set_up, test_district, fixture_tear_down);
  g_test_add ("/purge/count-while-writing", Fixture, NULL, fixture_set_up, test_count_while_writing, fixture_tear_down);
  g_test_add ("/purge/all", Fixture, NULL, fixture_set_up, test_all, fixture_tear_down);
  g_test_add ("/purge/worker", Fixture, NULL, fixture_set_up, test_worker, fixture_tear_down);
  g_test_add ("/purge/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}

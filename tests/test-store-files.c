/* test-store-files.c — the database's files: no link, clear full-disk
 * messages, backups whole or absent, deleted bytes overwritten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2.h"
#include "shouhu-store.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- 8. A symbolic link is refused, naming its target ----------------------- */

static void
test_symlink_refused (void)
{
  g_autofree char *real = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&real);
  g_autofree char *dir = g_path_get_dirname (real);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.db", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) via_link = NULL;

  g_clear_object (&store);
  g_assert_no_errno (symlink ("shouhu.db", link));
  via_link = shouhu_store_open (link, &error);
  g_assert_null (via_link);
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, link));
  g_assert_nonnull (strstr (error->message, real));
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_clear_error (&error);

  /* A link to nothing is not followed to create a file there. */
  g_assert_no_errno (symlink (gone, dangling));
  via_link = shouhu_store_open (dangling, &error);
  g_assert_null (via_link);
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, gone));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));

  /* The real file opens as ever. */
  g_clear_error (&error);
  store = shouhu_store_open (real, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* ---- 8. A full disk, simulated with SQLite's page limit ---------------------- */

static void
test_disk_full (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *limit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) w = shouhu_test_make_worker (4, "", "");
  gint64 saved = 0;

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           shouhu_test_query_int (store, "PRAGMA page_count") + 2);
  g_assert_true (shouhu_store_exec (store, limit, NULL));

  for (int i = 0; i < 100000 && error == NULL; i++)
    {
      g_free (w->name);
      w->name = g_strdup_printf ("姓名%d", i);
      if (shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error) > 0)
        saved++;
    }
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_assert_nonnull (strstr (error->message, path));
  /* The failed change left nothing half-written. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, saved);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE action = 'create' AND field IS NULL"),
                   ==, saved);
  g_assert_cmpint (saved, >, 0);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* ---- 4. Backups are whole or absent ------------------------------------------- */

/* A database at schema 1, as an older release left it, with @n_dates
 * Annex 1 tables to make it a few hundred kilobytes. */
static void
make_version_1 (const char *path,
                int         n_dates)
{
  GString *sql = g_string_new (NULL);
  sqlite3 *db = shouhu_test_make_schema_1 (path);

  for (int i = 0; i < n_dates; i++)
    {
      g_string_append_printf (sql, "INSERT INTO annex1_table (id, as_of) VALUES (%d, date('2020-02-07', '+%d days'));", i + 1, i);
      g_string_append_printf (sql, "INSERT INTO annex1_figure SELECT %d, id, 1, id * 10, id FROM district;", i + 1);
      g_string_append_printf (sql, "INSERT INTO annex1_note SELECT %d, id, '备注' || id FROM district;", i + 1);
    }
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_string_free (sql, TRUE);
}

static char **
hidden_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      g_strv_builder_add (names, name);
  return g_strv_builder_end (names);
}

static void
assert_backup_whole (const char *backup,
                     int         n_dates)
{
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  g_assert_no_errno (g_stat (backup, &st));
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy,
                                       "SELECT (SELECT user_version FROM pragma_user_version),"
                                       " (SELECT integrity_check FROM pragma_integrity_check),"
                                       " (SELECT count(*) FROM annex1_figure)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "ok");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, n_dates * 41);
  sqlite3_finalize (stmt);
  sqlite3_close (copy);
}

static void
test_backup_whole (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shouhu.db", NULL);
  g_autofree char *leftover = g_build_filename (dir, ".shouhu.db.v1-20200207-120000.bak.Ab12Cd", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hidden = NULL;
  g_autofree char *backup_dir = NULL;

  make_version_1 (path, 50);
  /* What a migration killed during its backup left. */
  g_assert_true (g_file_set_contents (leftover, "SQLite format 3", -1, NULL));

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shouhu_store_get_backup_path (store));
  backup_dir = g_path_get_dirname (shouhu_store_get_backup_path (store));
  g_assert_cmpstr (backup_dir, ==, dir);
  assert_backup_whole (shouhu_store_get_backup_path (store), 50);

  /* No temporary copy stays, neither this one's nor the killed one's. */
  hidden = hidden_files (dir);
  g_assert_cmpstrv (hidden, ((const char *const[]) { NULL }));

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 256 * 1024, 256 * 1024 };

  /* The write fails with EFBIG instead of the signal killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A backup that cannot be finished (here: files may not grow past
 * 256 KiB) leaves no backup file at all, and the database as it was. */
static void
test_backup_absent_on_failure (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shouhu.db", NULL);
  g_autofree char *out = g_build_filename (dir, "附件1.xlsx", NULL);
  const char *argv[] = { g_getenv ("SHOUHU_BIN"), "--database", path, "--export", "annex1",
                         "--output", out, NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  GStatBuf st;

  make_version_1 (path, 300);
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_size, >, 512 * 1024);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "backup copy"));

  /* Only the database (and SQLite's companions, if any) is there. */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, "shouhu.db") || strstr (name, ".bak") != NULL)
      g_error ("left behind: %s", name);

  /* The database still holds schema 1 and every figure. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                             " (SELECT count(*) FROM annex1_figure)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 300 * 41);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  shouhu_test_rm_rf (dir);
}

/* ---- 6. Deleted bytes are overwritten ----------------------------------------- */

static void
test_secure_delete (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (shouhu_test_query_int (store, "PRAGMA secure_delete"), ==, 1);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-files/symlink-refused", test_symlink_refused);
  g_test_add_func ("/store-files/disk-full", test_disk_full);
  g_test_add_func ("/store-files/backup-whole", test_backup_whole);
  g_test_add_func ("/store-files/backup-absent-on-failure", test_backup_absent_on_failure);
  g_test_add_func ("/store-files/secure-delete", test_secure_delete);

  return g_test_run ();
}

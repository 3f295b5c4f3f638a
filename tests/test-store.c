/* test-store.c — opening, creating, migrating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-store.h"
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static void
test_new_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "deeper", "shouhu", NULL);
  g_autofree char *path = g_build_filename (sub, "shouhu.db", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  GStatBuf st;

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Personal data: only the user may read the folder and the file. */
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_assert_cmpint (shouhu_test_query_int (store, "PRAGMA user_version"), ==,
                   shouhu_store_latest_schema_version ());
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM district"), ==, 41);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT id FROM district WHERE name = '万盛经开区'"), ==, 41);
  g_assert_cmpint (shouhu_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_null (shouhu_store_get_backup_path (store));

  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (shouhu_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-07')", &error));
  g_clear_object (&store);

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 1);
  /* Already current: no migration, so no backup. */
  g_assert_null (shouhu_store_get_backup_path (store));

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* A database at schema 1 with data in it, as an older release left it. */
static void
test_migrate_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  sqlite3 *db = NULL;
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;

  db = shouhu_test_make_schema_1 (path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO annex1_table (as_of) VALUES ('2020-02-07');"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 1);

  /* The backup copy is the file as it was before the migration. */
  g_assert_nonnull (shouhu_store_get_backup_path (store));
  g_assert_true (g_file_test (shouhu_store_get_backup_path (store), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open (shouhu_store_get_backup_path (store), &copy), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT as_of FROM annex1_table", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2020-02-07");
  sqlite3_finalize (stmt);
  sqlite3_close (copy);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* The checks of migration 8: the values allowed, and only those, in
 * the store's own connection and in another one. */
static void
assert_checks (ShouhuStore *store,
               const char  *path)
{
  static const struct { const char *sql; gboolean allowed; } cases[] = {
    { "INSERT INTO volunteer (id, name, created, changed, gender) VALUES (901, 'a', 'x', 'x', '男')", TRUE },
    { "INSERT INTO volunteer (id, name, created, changed, gender) VALUES (902, 'b', 'x', 'x', '')", TRUE },
    { "INSERT INTO volunteer (id, name, created, changed, gender) VALUES (903, 'c', 'x', 'x', '未知')", FALSE },
    { "INSERT INTO worker (id, district_id, hospital, name, gender, created, changed) "
      "VALUES (901, 1, 'h', 'w', '女', 'x', 'x')", TRUE },
    { "INSERT INTO pairing (worker_id, volunteer_id, created, role) VALUES (901, 901, 'x', 64)", TRUE },
    { "INSERT INTO pairing (worker_id, volunteer_id, created, role) VALUES (901, 902, 'x', 3)", FALSE },
    { "INSERT INTO pairing (worker_id, volunteer_id, created, role) VALUES (901, 902, 'x', 0)", TRUE },
    { "INSERT INTO service (worker_id, day, kind, minutes, created, changed) "
      "VALUES (901, '2020-02-10', 'greeting', 5, 'x', 'x')", TRUE },
    { "INSERT INTO service (worker_id, day, kind, minutes, created, changed) "
      "VALUES (901, '2020-02-10', 'visit', 5, 'x', 'x')", FALSE },
  };
  sqlite3 *other = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (shouhu_store_exec (store, cases[i].sql, &error), ==, cases[i].allowed);
      g_assert_true (cases[i].allowed == (error == NULL));
    }
  /* No list of more than two values is left for SQLite to build a
   * table of at every row. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                                 "('pairing', 'volunteer', 'service') AND (sql LIKE '%IN (0, 1, 2,%' "
                                                 "OR sql LIKE '%''女'', '''')%' OR sql LIKE '%''tutoring'', ''supplies''%')"),
                   ==, 0);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "INSERT INTO pairing (worker_id, volunteer_id, created, role) "
                                        "VALUES (901, 902, 'x', 5)", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA integrity_check", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
}

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *new_path = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  sqlite3 *db = NULL;

  /* Migrated from schema 1, the rewrite read back by the connection
   * that made it. */
  db = shouhu_test_make_schema_1 (path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  assert_checks (store, path);
  g_clear_object (&store);
  /* and opened again */
  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 2);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);

  /* A new database */
  store = shouhu_test_new_store (&new_path);
  assert_checks (store, new_path);
  g_clear_object (&store);
  g_free (dir);
  dir = g_path_get_dirname (new_path);
  shouhu_test_rm_rf (dir);
}

static void
assert_refused_untouched (const char *path,
                          const char *contents,
                          gsize       length,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = shouhu_store_open (path, &error);
  g_autofree char *after = NULL;
  gsize after_length = 0;

  g_assert_null (store);
  g_assert_error (error, SHOUHU_STORE_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, contents, length);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  const char *text = "这不是数据库 — just a text file\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_refused_untouched (path, text, strlen (text), SHOUHU_STORE_ERROR_NOT_DB);
  shouhu_test_rm_rf (dir);
}

/* A SQLite file of some other program: tables, but no schema version. */
static void
test_foreign_database (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  gsize length = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_refused_untouched (path, contents, length, SHOUHU_STORE_ERROR_NOT_DB);
  shouhu_test_rm_rf (dir);
}

static void
test_damaged_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (shouhu_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&store);

  /* Scribble over the second page onwards, keeping the header valid. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused_untouched (path, contents, length, SHOUHU_STORE_ERROR_NOT_DB);
  shouhu_test_rm_rf (dir);
}

static void
test_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (shouhu_store_exec (store, "PRAGMA user_version = 999", &error));
  g_assert_true (shouhu_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_refused_untouched (path, contents, length, SHOUHU_STORE_ERROR_TOO_NEW);
  shouhu_test_rm_rf (dir);
}

static void
test_unusable_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "shouhu.db", NULL);
  g_autoptr(ShouhuStore) store = NULL;

  /* A folder where the file should be. */
  store = shouhu_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* A path below a regular file: its folder cannot be made, even by root. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  store = shouhu_store_open (below_file, &error);
  g_assert_null (store);
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, below_file));
  g_clear_error (&error);

  shouhu_test_rm_rf (dir);
}

/* While another connection holds the write lock, a write gives up after
 * the busy timeout with a message the user can act on, not SQLite's. */
static void
test_busy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  sqlite3 *other = NULL;

  /* Not the default wait of many seconds: the test would only be slower. */
  shouhu_store_set_busy_timeout (store, 100);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (shouhu_store_exec (store, "UPDATE district SET name = name WHERE id = 1", &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Another program is writing to the database"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    shouhu_test_rm_rf (dir);
  }
}

typedef struct
{
  char     *path;
  GMutex    lock;
  GCond     cond;
  gboolean  began;
  gboolean  ok;
  char     *message;
} SecondWriter;

static int
trace_cb (unsigned int  type,
          void         *user_data,
          void         *p,
          void         *x)
{
  SecondWriter *w = user_data;

  /* Its job has started. */
  g_mutex_lock (&w->lock);
  w->began = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
  return 0;
}

/* A second program: its own connection, on its own thread; a job that
 * reads before it writes, as an import does. */
static gpointer
second_writer_thread (gpointer user_data)
{
  SecondWriter *w = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = shouhu_store_open (w->path, &error);

  g_assert_no_error (error);
  sqlite3_trace_v2 (shouhu_store_get_db (store), SQLITE_TRACE_STMT, trace_cb, w);
  w->ok = shouhu_store_begin (store, &error) &&
          shouhu_store_exec (store, "SELECT count(*) FROM annex1_table", &error) &&
          shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) "
                                    "SELECT date (max (as_of), '+1 day') FROM annex1_table", &error) &&
          shouhu_store_commit (store, &error);
  if (!w->ok)
    w->message = g_strdup (error->message);
  return NULL;
}

/* Two programs write at once: the second waits for the first to commit,
 * then succeeds (it used to fail at once when its reads had gone stale). */
static void
test_writers_wait (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autofree char *dir = NULL;
  SecondWriter w = { 0 };
  GThread *thread;

  store = shouhu_test_new_store (&w.path);
  dir = g_path_get_dirname (w.path);
  g_mutex_init (&w.lock);
  g_cond_init (&w.cond);
  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-07')", &error));

  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-08')", &error));

  thread = g_thread_new ("second-writer", second_writer_thread, &w);
  g_mutex_lock (&w.lock);
  while (!w.began)
    g_cond_wait (&w.cond, &w.lock);
  g_mutex_unlock (&w.lock);
  /* Give it the time to run into the lock (the test holds either way). */
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (shouhu_store_commit (store, &error));
  g_thread_join (thread);

  g_assert_cmpstr (w.message, ==, NULL);
  g_assert_true (w.ok);
  /* It ran after the first commit, on what that commit left. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table WHERE as_of = '2020-02-09'"), ==, 1);

  g_mutex_clear (&w.lock);
  g_cond_clear (&w.cond);
  g_free (w.path);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
count_cb (ShouhuStore *store,
          guint       *count)
{
  (*count)++;
}

/* Listeners hear of a change once it is committed, not before, and never
 * of a change that was rolled back. */
static void
test_changed_after_commit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  guint annex1 = 0, any = 0;

  g_signal_connect (store, "changed::annex1", G_CALLBACK (count_cb), &annex1);
  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &any);

  shouhu_store_emit_changed (store, "annex1");
  g_assert_cmpuint (annex1, ==, 1);

  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_store_begin (store, &error));
  shouhu_store_emit_changed (store, "annex1");
  g_assert_true (shouhu_store_commit (store, &error));
  shouhu_store_emit_changed (store, "annex1");
  shouhu_store_emit_changed (store, "annex2");
  g_assert_cmpuint (any, ==, 1);
  g_assert_true (shouhu_store_commit (store, &error));
  g_assert_cmpuint (annex1, ==, 2);
  g_assert_cmpuint (any, ==, 3);

  g_assert_true (shouhu_store_begin (store, &error));
  shouhu_store_emit_changed (store, "annex1");
  shouhu_store_rollback (store);
  g_assert_cmpuint (any, ==, 3);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* A commit by another program is noticed by the check, which then tells
 * every view; the store's own commits are not reported a second time. */
static void
test_outside_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuStore) other = NULL;
  guint annex1 = 0, annex2 = 0;
  gboolean changed = TRUE;

  g_signal_connect (store, "changed::annex1", G_CALLBACK (count_cb), &annex1);
  g_signal_connect (store, "changed::annex2", G_CALLBACK (count_cb), &annex2);

  g_assert_true (shouhu_store_check_outside_changes (store, &changed, &error));
  g_assert_false (changed);

  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-07')", &error));
  g_assert_true (shouhu_store_commit (store, &error));
  g_assert_true (shouhu_store_check_outside_changes (store, &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (annex1 + annex2, ==, 0);

  other = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_store_exec (other, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-08')", &error));
  g_assert_true (shouhu_store_check_outside_changes (store, &changed, &error));
  g_assert_true (changed);
  g_assert_cmpuint (annex1, ==, 1);
  g_assert_cmpuint (annex2, ==, 1);

  /* Once told, not again. */
  g_assert_true (shouhu_store_check_outside_changes (store, &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (annex1, ==, 1);

  g_clear_object (&other);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_transactions_nest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-07')", &error));
  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('2020-02-08')", &error));
  g_assert_true (shouhu_store_commit (store, &error));
  /* Rolling back the outer job undoes the inner one too: all or nothing. */
  shouhu_store_rollback (store);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 0);

  /* The schema's checks are a second line behind core's validation. */
  g_assert_false (shouhu_store_exec (store, "INSERT INTO annex1_table (as_of) VALUES ('someday')", &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
run (ShouhuStore  *store,
     const char   *sql,
     const char   *as_of,
     GError      **error,
     gboolean      expect_ok)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_STATIC);
  g_assert_true (shouhu_store_run_statement (store, stmt, error) == expect_ok);
}

static void
test_run_statement (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);

  run (store, "INSERT INTO annex1_table (as_of) VALUES (?)", "2020-02-07", &error, TRUE);
  g_assert_no_error (error);
  /* Rows the statement returns do not stop it half way. */
  run (store, "INSERT INTO annex1_table (as_of) VALUES (?), ('2020-02-09') RETURNING id", "2020-02-08",
       &error, TRUE);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 3);

  /* A failure is reported, never taken for done. */
  run (store, "INSERT INTO annex1_table (as_of) VALUES (?)", "2020-02-07", &error, FALSE);
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 3);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/new-database", test_new_database);
  g_test_add_func ("/store/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/store/migrate-existing", test_migrate_existing);
  g_test_add_func ("/store/checks", test_checks);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/foreign-database", test_foreign_database);
  g_test_add_func ("/store/damaged-database", test_damaged_database);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/unusable-paths", test_unusable_paths);
  g_test_add_func ("/store/busy", test_busy);
  g_test_add_func ("/store/writers-wait", test_writers_wait);
  g_test_add_func ("/store/outside-changes", test_outside_changes);
  g_test_add_func ("/store/transactions-nest", test_transactions_nest);
  g_test_add_func ("/store/run-statement", test_run_statement);
  g_test_add_func ("/store/changed-after-commit", test_changed_after_commit);
  return g_test_run ();
}

/* shouhu-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-util.h"
#include "shouhu-import.h"
#include "shouhu-store-private.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* A fresh folder under the system's temporary folder. */
char *
shouhu_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shouhu-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf_and_free (gpointer path)
{
  shouhu_test_rm_rf (path);
  g_free (path);
}

/* A new, migrated database in a fresh folder.  The caller that asks for
 * its @path_out removes the folder (it may reopen the file first); with
 * @path_out NULL the folder goes when the running test case ends. */
ShouhuStore *
shouhu_test_new_store (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shouhu.db", NULL);
  ShouhuStore *store = shouhu_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  else
    g_test_queue_destroy (rm_rf_and_free, g_steal_pointer (&dir));
  return store;
}

void
shouhu_test_rm_rf (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      shouhu_test_rm_rf (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/* Reads one number straight from the database, to check what was stored
 * independently of the model code under test. */
gint64
shouhu_test_query_int (ShouhuStore *store,
                       const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (shouhu_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

/**
 * shouhu_test_run_cli_full:
 * @args: the options, %NULL-terminated
 * @env: (nullable): NAME, VALUE pairs to add to the environment
 * @stdin_fd: the program's stdin (taken), or -1 for /dev/null
 * @out: (out) (optional): what it printed on stdout, as bytes
 * @err: (out) (optional): what it printed on stderr, as bytes
 *
 * Runs the built program (SHOUHU_BIN).  A program killed by a signal (a
 * crash, or a sanitizer's abort) fails the test: no caller expects that.
 *
 * Returns: its exit status
 */
int
shouhu_test_run_cli_full (const char *const *args,
                          const char *const *env,
                          int                stdin_fd,
                          char             **out,
                          char             **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *program = g_getenv ("SHOUHU_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL, err_bytes = NULL;
  g_autofree char *std_out = NULL, *std_err = NULL;

  if (program == NULL)
    g_error ("SHOUHU_BIN must name the built program");
  g_ptr_array_add (argv, (char *) program);
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  for (int i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  if (stdin_fd >= 0)
    g_subprocess_launcher_take_stdin_fd (launcher, stdin_fd);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  /* As bytes: a test may look for bytes that are not UTF-8. */
  g_subprocess_communicate (process, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  std_out = bytes_to_string (out_bytes);
  std_err = bytes_to_string (err_bytes);
  g_test_message ("shouhu %s: %s%s", args[0], std_out, std_err);
  if (!g_subprocess_get_if_exited (process))
    g_error ("shouhu died of signal %d: %s", g_subprocess_get_term_sig (process), std_err);
  if (out != NULL)
    *out = g_steal_pointer (&std_out);
  if (err != NULL)
    *err = g_steal_pointer (&std_err);
  return g_subprocess_get_exit_status (process);
}

/* Runs the built program (SHOUHU_BIN) with @args, @env (NAME, VALUE pairs)
 * added to the environment, stdin empty.  Returns its exit status; what it
 * printed is in @out and @err when asked for. */
int
shouhu_test_run_cli (const char *const *args,
                     const char *const *env,
                     char             **out,
                     char             **err)
{
  return shouhu_test_run_cli_full (args, env, -1, out, err);
}

/* `shouhu --database @db_path --import @file [--accept-valid]`; what it
 * printed, both streams, is in @output when asked for. */
int
shouhu_test_run_import (const char  *db_path,
                        const char  *file,
                        gboolean     accept_valid,
                        char       **output)
{
  const char *args[] = { "--database", db_path, "--import", file,
                         accept_valid ? "--accept-valid" : NULL, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = shouhu_test_run_cli (args, NULL, &out, &err);

  if (output != NULL)
    *output = g_strconcat (out, err, NULL);
  return status;
}

gpointer
shouhu_test_import_preview (ShouhuStore *store,
                            const char  *path)
{
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

void
shouhu_test_import_file (ShouhuStore *store,
                         const char  *path)
{
  g_autoptr(ShouhuImport) import = shouhu_test_import_preview (store, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
}

/* Whether the running test was registered as needing openpyxl. */
static gboolean openpyxl_declared;

static const char *
python_with_openpyxl (void)
{
  const char *python = g_getenv ("PYTHON_WITH_OPENPYXL");

  /* The Flatpak build runs the tests without openpyxl, leaving out the
   * interop suite: a test that needs it and is not registered as such
   * would fail there, so it fails here first. */
  if (!openpyxl_declared)
    g_error ("%s runs openpyxl: register it with shouhu_test_add_openpyxl () or "
             "shouhu_test_add_openpyxl_fixture (), and list its program in tests/meson.build's "
             "interop programs", g_test_get_path ());
  return python != NULL ? python : "/usr/bin/python3";
}

/* Runs @script with the Python that has openpyxl, in @dir; a script that
 * fails fails the test. */
void
shouhu_test_run_python (const char *dir,
                        const char *script)
{
  const char *argv[] = { python_with_openpyxl (), "-c", script, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python failed: %s%s", out, err);
}

/* Which part of a program's tests this run holds: SHOUHU_TEST_INTEROP
 * set by meson, or everything. */
static gboolean
run_part (gboolean interop)
{
  const char *part = g_getenv ("SHOUHU_TEST_INTEROP");

  if (part == NULL || *part == '\0')
    return TRUE;
  return g_str_equal (part, interop ? "1" : "0");
}

/* A test that needs nothing but the app: left out of the interop run. */
void
shouhu_test_add (const char *path,
                 GTestFunc   func)
{
  if (run_part (FALSE))
    g_test_add_func (path, func);
}

/* Why openpyxl cannot be used here, or NULL when it can; asked once. */
static const char *
openpyxl_missing (void)
{
  static char *reason = NULL;
  static gboolean asked = FALSE;

  if (!asked)
    {
      const char *argv[] = { python_with_openpyxl (), "-c", "import openpyxl", NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      asked = TRUE;
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, &err, &status, &error))
        reason = g_strdup_printf ("openpyxl is needed, and %s (PYTHON_WITH_OPENPYXL) "
                                  "cannot run: %s", argv[0], error->message);
      else if (!g_spawn_check_wait_status (status, NULL))
        {
          /* The last line of the traceback says why; a TAP line holds one. */
          char *last = strrchr (g_strstrip (err), '\n');

          reason = g_strdup_printf ("openpyxl is needed, and %s (PYTHON_WITH_OPENPYXL) "
                                    "cannot import it: %s", argv[0], last != NULL ? last + 1 : err);
        }
    }
  return reason;
}

typedef struct
{
  GTestFunc func;
} Needing;

static void
run_with_openpyxl (gconstpointer data)
{
  const Needing *test = data;
  const char *missing;

  openpyxl_declared = TRUE;
  missing = openpyxl_missing ();
  if (missing != NULL)
    g_test_skip (missing);
  else
    test->func ();
  openpyxl_declared = FALSE;
}

/* A test that needs openpyxl: in the interop run only, and skipped, with
 * the reason, where openpyxl cannot be imported. */
void
shouhu_test_add_openpyxl (const char *path,
                          GTestFunc   func)
{
  Needing *test;

  if (!run_part (TRUE))
    return;
  test = g_new0 (Needing, 1);
  test->func = func;
  g_test_add_data_func_full (path, test, run_with_openpyxl, g_free);
}

typedef struct
{
  GTestFixtureFunc func;
} NeedingFixture;

static void
run_fixture_with_openpyxl (gpointer      fixture,
                           gconstpointer data)
{
  const NeedingFixture *test = data;
  const char *missing;

  openpyxl_declared = TRUE;
  missing = openpyxl_missing ();
  if (missing != NULL)
    g_test_skip (missing);
  else
    test->func (fixture, NULL);
  openpyxl_declared = FALSE;
}

/* Behind shouhu_test_add_fixture() and shouhu_test_add_openpyxl_fixture(). */
void
shouhu_test_add_vtable (const char       *path,
                        gsize             fixture_size,
                        gboolean          needs_openpyxl,
                        GTestFixtureFunc  set_up,
                        GTestFixtureFunc  test,
                        GTestFixtureFunc  tear_down)
{
  /* GTest takes a fixture test's data with no function to free it: what
   * each openpyxl test runs is kept here for the life of the program. */
  static GPtrArray *kept = NULL;
  NeedingFixture *needing;

  if (!run_part (needs_openpyxl))
    return;
  if (!needs_openpyxl)
    {
      g_test_add_vtable (path, fixture_size, NULL, set_up, test, tear_down);
      return;
    }
  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  needing = g_new0 (NeedingFixture, 1);
  needing->func = test;
  g_ptr_array_add (kept, needing);
  g_test_add_vtable (path, fixture_size, needing, set_up, run_fixture_with_openpyxl, tear_down);
}

/* Runs @script of tests/ with Debian's openpyxl (PYTHON_WITH_OPENPYXL) on
 * the workbook @path and returns what it printed; the test fails if the
 * script does. */
char *
shouhu_test_read_xlsx (const char *script,
                       const char *path)
{
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, script, NULL);
  const char *argv[] = { python_with_openpyxl (), script_path, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

/* A database at schema 1 in @path, as an older release left it: a new
 * one with every table of the later migrations dropped (SQLite's own
 * sqlite_sequence cannot be, and does no harm).  Returns it open, for
 * the caller to fill and close. */
sqlite3 *
shouhu_test_make_schema_1 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = shouhu_store_open (path, &error);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN"
                                       " ('district', 'annex1_table', 'annex1_figure', 'annex1_note')"
                                       " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (drops, g_strdup_printf ("DROP TABLE \"%s\"", sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < drops->len; i++)
    g_assert_cmpint (sqlite3_exec (db, drops->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

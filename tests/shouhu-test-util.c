/* shouhu-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

#include <glib/gstdio.h>

/* A fresh folder under the system's temporary folder. */
char *
shouhu_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shouhu-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A new, migrated database in a fresh folder. */
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

/* Runs @script of tests/ with Debian's openpyxl (PYTHON_WITH_OPENPYXL) on
 * the workbook @path and returns what it printed; the test fails if the
 * script does. */
char *
shouhu_test_read_xlsx (const char *script,
                       const char *path)
{
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, script, NULL);
  const char *python = g_getenv ("PYTHON_WITH_OPENPYXL");
  const char *argv[] = { python ? python : "/usr/bin/python3", script_path, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

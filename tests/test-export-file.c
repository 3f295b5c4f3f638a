/* test-export-file.c — an export never lands on the store, is private,
 * and is whole or absent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-export-file.h"
#include "shouhu-test-annex2.h"
#include "shouhu-store-private.h"
#include "shouhu-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ShouhuStore *
store_with_data (char **db_out)
{
  g_autoptr(GError) error = NULL;
  ShouhuStore *store = shouhu_test_new_store (db_out);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  shouhu_test_annex2_insert_set (store);
  return store;
}

static char *
contents_or_null (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 07777;
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = contents_or_null (path);

  return contents != NULL && g_str_has_prefix (contents, "PK\003\004");
}

static void
make_sqlite_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text); INSERT INTO notes VALUES ('私人笔记')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
has_private_leftover (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".shouhu-export-"))
      return TRUE;
  return FALSE;
}

/* ---- 1. Outputs never hit the store ----------------------------------------- */

static void
test_refuses_store (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_data (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *dir_base = g_path_get_basename (dir);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autofree char *backup = g_strconcat (db, ".v1-20200207-120000.bak", NULL);
  g_autofree char *backup_tmp = g_build_filename (dir, ".shouhu.db.v1-20200207-120000.bak.Ab12Cd", NULL);
  g_autofree char *hard_link = g_build_filename (dir, "hard-link.xlsx", NULL);
  g_autofree char *sym_link = g_build_filename (dir, "sym-link.xlsx", NULL);
  g_autofree char *other_db = g_build_filename (dir, "其他.xlsx", NULL);
  g_autofree char *spelled = g_build_filename (dir, "..", dir_base, "shouhu.db", NULL);
  const char *targets[] = { db, wal, shm, journal, backup, backup_tmp, hard_link, sym_link, other_db, spelled };
  const ShouhuExportKind kinds[] = { SHOUHU_EXPORT_ANNEX1, SHOUHU_EXPORT_ANNEX2, SHOUHU_EXPORT_SUMMARY };

  make_sqlite_file (backup);
  g_assert_true (g_file_set_contents (backup_tmp, "half a backup", -1, NULL));
  g_assert_no_errno (link (db, hard_link));
  g_assert_no_errno (symlink (db, sym_link));
  make_sqlite_file (other_db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *before = contents_or_null (targets[t]);
        g_autofree char *after = NULL;
        g_autofree char *display = g_filename_display_name (targets[t]);

        g_test_message ("export %u to %s", kinds[k], targets[t]);
        g_assert_false (shouhu_export_run (store, kinds[k], NULL, 0, FALSE, targets[t], &error));
        g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED);
        g_assert_nonnull (strstr (error->message, display));
        g_assert_nonnull (strstr (error->message, "Nothing was written"));
        g_assert_false (is_zip (targets[t]));
        if (targets[t] == wal || targets[t] == shm)
          continue;
        after = contents_or_null (targets[t]);
        g_assert_cmpstr (before, ==, after);
      }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (has_private_leftover (dir));

  /* The store is whole and still answers. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 11);
  g_clear_object (&store);

  /* The command line, as the issue tried it, and the work report. */
  {
    const char *args[] = { "--database", db, "--export", "annex2", "--output", db, NULL };
    const char *report[] = { "--database", db, "--export", "work-report", "--from", "2020-02-01",
                             "--to", "2020-02-29", "--output", wal, NULL };
    g_autofree char *err = NULL, *report_err = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "is the open database"));
    g_assert_cmpint (shouhu_test_run_cli (report, NULL, NULL, &report_err), ==, 1);
    g_assert_nonnull (strstr (report_err, "SQLite keeps the changes"));
    store = shouhu_store_open (db, &error);
    g_assert_no_error (error);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 11);
    g_clear_object (&store);
  }
  shouhu_test_rm_rf (dir);
}

/* ---- 2. Exports are personal data ------------------------------------------- */

static void
test_modes (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_data (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);
  const struct { guint old_mode; guint new_mode; } replaced[] = {
    { 0644, 0600 }, { 0666, 0600 }, { 0640, 0600 }, { 0600, 0600 }, { 0400, 0400 },
  };
  mode_t old_umask = umask (0);

  /* A new file: 0600 whatever the umask. */
  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, path, NULL));
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Replacing never loosens the mode; a stricter one is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (replaced); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_no_errno (g_chmod (path, replaced[i].old_mode));
      g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (file_mode (path), ==, replaced[i].new_mode);
      g_assert_true (is_zip (path));
    }
  umask (old_umask);
  g_assert_false (has_private_leftover (dir));
  shouhu_test_rm_rf (dir);
}

/* The workbook is written into a private folder, into a file that is
 * 0600 before a byte is in it; nothing stays when it is dropped. */
static void
test_private_temporary (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  ShouhuExportFile *file;
  g_autofree char *temp_dir = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *parent = NULL;
  mode_t old_umask = umask (0);
  GStatBuf st;

  file = shouhu_export_file_new (path, &error);
  umask (old_umask);
  g_assert_no_error (error);
  temp_dir = g_strdup (shouhu_export_file_get_temp_dir (file));
  temp_path = g_strdup (shouhu_export_file_get_temp_path (file));
  parent = g_path_get_dirname (temp_dir);
  g_assert_cmpstr (parent, ==, dir);
  g_assert_cmpuint (file_mode (temp_dir), ==, 0700);
  g_assert_cmpuint (file_mode (temp_path), ==, 0600);
  g_assert_no_errno (g_stat (temp_path, &st));
  g_assert_cmpint (st.st_size, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  shouhu_export_file_free (file);
  g_assert_false (g_file_test (temp_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  shouhu_test_rm_rf (dir);
}

static void
test_leftovers_removed (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_data (&db);
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *old = g_build_filename (dir, ".附件2.xlsx.Ab12Cd", NULL);
  g_autofree char *dead = g_build_filename (dir, ".shouhu-export-Zz9Yy8", NULL);
  g_autofree char *dead_file = g_build_filename (dead, "附件2.xlsx", NULL);
  g_autofree char *dead_empty = g_build_filename (dir, ".shouhu-export-Em9ty0", NULL);
  g_autofree char *path = g_build_filename (dir, "附件1.xlsx", NULL);
  const char *unrelated[] = { ".bashrc.backup", ".notes.xlsx", "keep.xlsx.Ab12Cd", ".x.xlsx.Ab-2Cd" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  ShouhuExportFile *live;
  g_autofree char *live_dir = NULL;
  const char *name;
  guint n = 0;

  /* What killed exports left: the hidden file of earlier releases, a
   * private folder with its half workbook, one killed before it held
   * anything. */
  g_assert_true (g_file_set_contents (old, "13812345678 张敏", -1, NULL));
  g_assert_no_errno (g_chmod (old, 0644));
  g_assert_no_errno (g_mkdir (dead, 0700));
  g_assert_true (g_file_set_contents (dead_file, "PK half", -1, NULL));
  g_assert_no_errno (g_mkdir (dead_empty, 0700));
  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autofree char *p = g_build_filename (dir, unrelated[i], NULL);
      g_assert_true (g_file_set_contents (p, "mine", -1, NULL));
    }
  /* An export running at the same time keeps its folder. */
  {
    g_autofree char *other = g_build_filename (dir, "另一个.xlsx", NULL);
    live = shouhu_export_file_new (other, &error);
    g_assert_no_error (error);
    live_dir = g_strdup (shouhu_export_file_get_temp_dir (live));
  }

  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_empty, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_dir, G_FILE_TEST_IS_DIR));
  shouhu_export_file_free (live);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean expected = g_str_equal (name, "附件1.xlsx");

      for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
        expected = expected || g_str_equal (name, unrelated[i]);
      if (!expected)
        g_error ("unexpected file left: %s", name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1 + G_N_ELEMENTS (unrelated));

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
  {
    g_autofree char *db_dir = g_path_get_dirname (db);
    shouhu_test_rm_rf (db_dir);
  }
}

/* ---- 8. A full disk ----------------------------------------------------------- */

/* Runs an export into a 64 KiB tmpfs, mounted in a mount namespace of its
 * own (so that nothing stays mounted whatever happens); skipped where
 * namespaces or tmpfs cannot be had. */
static void
test_full_disk (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_data (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *tiny = g_build_filename (dir, "tiny", NULL);
  g_autofree char *out = NULL, *err = NULL;
  GString *rows = g_string_new ("INSERT INTO worker (district_id, hospital, name, gender, home_address, phone, created, changed) VALUES ");
  const char *script =
    "tiny=$1; shift\n"
    "mount -t tmpfs -o size=64k tmpfs \"$tiny\" || exit 77\n"
    "\"$@\"\n"
    "status=$?\n"
    "ls -A \"$tiny\"\n"
    "exit $status\n";
  const char *probe[] = { "unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh", tiny,
                          g_getenv ("SHOUHU_BIN"), "--database", db, "--export", "annex2", "--output", NULL, NULL };
  g_autofree char *target = g_build_filename (tiny, "附件2.xlsx", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  /* Enough records for a workbook far larger than the disk. */
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (rows, "%s(%d, '医院%d', '姓名%d', '女', '重庆市渝中区解放碑街道民族路%d号', '138%08d', 'x', 'x')",
                            i ? "," : "", 1 + i % 41, i, i, i, i);
  g_assert_true (shouhu_store_exec (store, rows->str, NULL));
  g_string_free (rows, TRUE);
  g_clear_object (&store);
  g_assert_no_errno (g_mkdir (tiny, 0700));

  probe[G_N_ELEMENTS (probe) - 2] = target;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, probe, &error);
  if (process == NULL)
    {
      g_test_skip ("unshare is not available");
      shouhu_test_rm_rf (dir);
      return;
    }
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) == 77 ||
      strstr (err, "unshare:") != NULL)
    {
      g_test_skip ("no mount namespace with a tmpfs here");
      shouhu_test_rm_rf (dir);
      return;
    }

  g_test_message ("stderr: %s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "The disk is full"));
  g_assert_nonnull (strstr (err, "附件2.xlsx"));
  /* Nothing of libxlsxwriter's own text, and one line. */
  g_assert_null (strstr (err, "[ERROR]"));
  g_assert_null (strstr (err, "[WARNING]"));
  g_assert_null (strstr (err, "zip"));
  g_assert_null (strstr (err, "lxw"));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  /* The tiny disk holds nothing afterwards: no half workbook, no folder. */
  g_assert_cmpstr (out, ==, "");
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-file/refuses-store", test_refuses_store);
  g_test_add_func ("/export-file/modes", test_modes);
  g_test_add_func ("/export-file/private-temporary", test_private_temporary);
  g_test_add_func ("/export-file/leftovers-removed", test_leftovers_removed);
  g_test_add_func ("/export-file/full-disk", test_full_disk);

  return g_test_run ();
}
